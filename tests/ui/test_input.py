"""The one input path: posted pygame events become intents through the key and click table."""

import pygame

from game.ui.input import Intent, click_events, key_event, read_inputs


def intents(events):
    return [i.intent for i in read_inputs(events)]


def test_the_key_table_maps_letters_arrows_and_enter():
    keys = [pygame.K_j, pygame.K_DOWN, pygame.K_k, pygame.K_s, pygame.K_f, pygame.K_v, pygame.K_n, pygame.K_RETURN, pygame.K_ESCAPE]
    assert intents([key_event(k) for k in keys]) == [
        Intent.NEXT_POST, Intent.NEXT_POST, Intent.PREV_POST, Intent.SHARE, Intent.FLAG, Intent.VERIFY, Intent.SKIP, Intent.CONFIRM, Intent.BACK,
    ]


def test_tab_and_shift_tab_move_focus_both_ways():
    assert intents([key_event(pygame.K_TAB), key_event(pygame.K_TAB, pygame.KMOD_SHIFT)]) == [Intent.FOCUS_NEXT, Intent.FOCUS_PREV]


def test_digits_choose_by_index_and_letters_are_marked_printable():
    (choose,) = read_inputs([key_event(pygame.K_3)])
    assert choose.intent is Intent.CHOOSE and choose.index == 2
    (share,) = read_inputs([key_event(pygame.K_s)])
    assert share.printable
    (enter,) = read_inputs([key_event(pygame.K_RETURN)])
    assert not enter.printable


def test_a_click_is_a_move_a_press_and_a_release_at_the_same_place():
    inputs = read_inputs(click_events((10, 20)))
    assert [i.intent for i in inputs] == [Intent.POINTER_MOVE, Intent.POINTER_DOWN, Intent.POINTER_UP]
    assert {i.pos for i in inputs} == {(10, 20)}


def test_the_wheel_scrolls_down_for_a_negative_y():
    (scroll,) = read_inputs([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, precise_y=-1.0, flipped=False)])
    assert scroll.intent is Intent.SCROLL and scroll.amount > 0


def test_posted_events_go_through_the_same_path():
    pygame.display.init()
    pygame.display.set_mode((200, 100))
    pygame.event.clear()
    pygame.event.post(key_event(pygame.K_f))
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="ក"))
    inputs = read_inputs(pygame.event.get())
    assert [i.intent for i in inputs][:2] == [Intent.FLAG, Intent.TEXT]
    assert inputs[1].text == "ក"
    pygame.display.quit()


def test_unknown_events_mean_nothing():
    assert read_inputs([pygame.event.Event(pygame.USEREVENT), key_event(pygame.K_F1)]) == []
