use super::*;

fn press(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn letters_are_commands_when_browsing_and_text_when_searching() {
    assert_eq!(
        action_for(Mode::Browse, &press(KeyCode::Char('q'))),
        Some(Action::Quit)
    );
    assert_eq!(
        action_for(Mode::Search, &press(KeyCode::Char('q'))),
        Some(Action::Type('q'))
    );
    assert_eq!(
        action_for(Mode::Search, &press(KeyCode::Char('/'))),
        Some(Action::Type('/'))
    );
}

#[test]
fn ctrl_c_quits_in_every_mode() {
    let c = Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    for &mode in ALL {
        assert_eq!(action_for(mode, &c), Some(Action::Quit));
    }
}

#[test]
fn digits_open_numbered_links_in_the_picker_only() {
    assert_eq!(
        action_for(Mode::Picker, &press(KeyCode::Char('3'))),
        Some(Action::OpenNumbered(3))
    );
    assert_eq!(
        action_for(Mode::Picker, &press(KeyCode::Char('0'))),
        Some(Action::Type('0')),
        "0 opens nothing, so it narrows"
    );
    assert_eq!(
        action_for(Mode::Picker, &press(KeyCode::Char('q'))),
        Some(Action::Type('q')),
        "letters narrow the picker"
    );
    assert_eq!(action_for(Mode::Browse, &press(KeyCode::Char('3'))), None);
}

#[test]
fn the_mouse_is_in_the_table() {
    assert_eq!(
        action_for(Mode::Browse, &Input::Click { row: Some(4) }),
        Some(Action::Click(4))
    );
    assert_eq!(action_for(Mode::Browse, &Input::Click { row: None }), None);
    assert_eq!(
        action_for(Mode::Search, &Input::WheelDown),
        Some(Action::ScrollDown)
    );
}

#[test]
fn every_mode_documents_how_to_leave_it() {
    for &mode in ALL {
        assert!(
            BINDINGS
                .iter()
                .any(|b| b.modes.contains(&mode) && b.footer.is_some()),
            "{mode:?}"
        );
    }
}

/// Each row's keys do that row's action: the text people read and the matching are one.
#[test]
fn every_binding_key_does_its_action() {
    for b in BINDINGS {
        for &k in b.keys {
            let input = match k {
                Key::Char(c) => press(KeyCode::Char(c)),
                Key::Ctrl(c) => Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
                Key::Code(code) => press(code),
                Key::Text => press(KeyCode::Char('x')),
                Key::Digit => press(KeyCode::Char('2')),
                Key::Click => Input::Click { row: Some(1) },
                Key::WheelUp => Input::WheelUp,
                Key::WheelDown => Input::WheelDown,
            };
            for &mode in b.modes {
                let got = action_for(mode, &input).expect("bound");
                let same_kind = std::mem::discriminant(&got) == std::mem::discriminant(&b.action);
                let shadowed = BINDINGS
                    .iter()
                    .take_while(|other| !std::ptr::eq(*other, b))
                    .any(|other| other.modes.contains(&mode) && other.action_for(&input).is_some());
                assert!(same_kind || shadowed, "{} in {mode:?}: {got:?}", k.name());
            }
        }
    }
}

#[test]
fn keys_are_named_from_the_table() {
    assert_eq!(key(Action::Join), "z");
    assert_eq!(keys_for(Mode::Picker, &Action::Back), "Esc");
    assert_eq!(keys_for(Mode::Help, &Action::Down), "j/↓");
    assert_eq!(keys_for(Mode::Browse, &Action::AcceptSearch), "?");
}
