//! The one key table. Keys map to actions here, and the footer and the `?` help are drawn
//! from the same rows, so what the screen says is always what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Which keys are live: typing a search takes letters as text, overlays take few keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Search,
    Picker,
    Help,
}

pub struct Binding {
    pub mode: Mode,
    /// As shown to people: "j/↓".
    pub keys: &'static str,
    pub help: &'static str,
    /// The footer's word for it, for the most used keys; every binding is in `?`.
    pub footer: Option<&'static str>,
    matches: fn(&KeyEvent) -> Option<Action>,
}

const fn bind(
    mode: Mode,
    keys: &'static str,
    help: &'static str,
    footer: Option<&'static str>,
    matches: fn(&KeyEvent) -> Option<Action>,
) -> Binding {
    Binding {
        mode,
        keys,
        help,
        footer,
        matches,
    }
}

fn plain(k: &KeyEvent) -> Option<char> {
    match k.code {
        KeyCode::Char(c)
            if !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

fn ctrl(k: &KeyEvent, c: char) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char(c)
}

fn when(ok: bool, action: Action) -> Option<Action> {
    ok.then_some(action)
}

use Mode::{Browse, Help, Picker, Search};

pub const BINDINGS: &[Binding] = &[
    bind(
        Browse,
        "/",
        "search (live; fzf syntax)",
        Some("search"),
        |k| when(plain(k) == Some('/'), Action::StartSearch),
    ),
    bind(Browse, "j/↓ k/↑", "move", None, |k| {
        match (k.code, plain(k)) {
            (KeyCode::Down, _) | (_, Some('j')) => Some(Action::Down),
            (KeyCode::Up, _) | (_, Some('k')) => Some(Action::Up),
            _ => None,
        }
    }),
    bind(Browse, "PgUp/PgDn", "page up / down", None, |k| {
        match k.code {
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::PageDown => Some(Action::PageDown),
            _ => None,
        }
    }),
    bind(Browse, "g/Home G/End", "first / last", None, |k| {
        match (k.code, plain(k)) {
            (KeyCode::Home, _) | (_, Some('g')) => Some(Action::Top),
            (KeyCode::End, _) | (_, Some('G')) => Some(Action::Bottom),
            _ => None,
        }
    }),
    bind(
        Browse,
        "Tab/S-Tab",
        "next / previous pane",
        None,
        |k| match k.code {
            KeyCode::Tab => Some(Action::NextPane),
            KeyCode::BackTab => Some(Action::PreviousPane),
            _ => None,
        },
    ),
    bind(
        Browse,
        "Enter",
        "show group / go to a project's group",
        None,
        |k| when(k.code == KeyCode::Enter, Action::Select),
    ),
    bind(Browse, "z", "join the next meeting", Some("join"), |k| {
        when(plain(k) == Some('z'), Action::Join)
    }),
    bind(Browse, "s", "open the chat channel", Some("chat"), |k| {
        when(plain(k) == Some('s'), Action::OpenChat)
    }),
    bind(Browse, "m", "open the mailing list", None, |k| {
        when(plain(k) == Some('m'), Action::OpenMailingList)
    }),
    bind(Browse, "o", "pick a link to open", Some("links"), |k| {
        when(plain(k) == Some('o'), Action::OpenLinkPicker)
    }),
    bind(Browse, "y", "copy the join (or last) link", None, |k| {
        when(plain(k) == Some('y'), Action::CopyLink)
    }),
    bind(Browse, "n", "go to the successor group", None, |k| {
        when(plain(k) == Some('n'), Action::GoToSuccessor)
    }),
    bind(Browse, "f", "favorite / unfavorite", None, |k| {
        when(plain(k) == Some('f'), Action::ToggleFavorite)
    }),
    bind(Browse, "F", "favorites only", None, |k| {
        when(plain(k) == Some('F'), Action::ToggleFavoritesOnly)
    }),
    bind(Browse, "c", "one community at a time / all", None, |k| {
        when(plain(k) == Some('c'), Action::NextCommunity)
    }),
    bind(
        Browse,
        "u",
        "upcoming meetings (7 days)",
        Some("upcoming"),
        |k| when(plain(k) == Some('u'), Action::ToggleUpcoming),
    ),
    bind(
        Browse,
        "w",
        "upcoming: only within my working hours",
        None,
        |k| when(plain(k) == Some('w'), Action::ToggleWorkingHours),
    ),
    bind(
        Browse,
        "e",
        "export the group's meetings (.ics)",
        None,
        |k| when(plain(k) == Some('e'), Action::Export),
    ),
    bind(
        Browse,
        "R",
        "sync the data now (in the background)",
        None,
        |k| when(plain(k) == Some('R'), Action::Sync),
    ),
    bind(Browse, "p", "projects view", Some("projects"), |k| {
        when(plain(k) == Some('p'), Action::ToggleProjects)
    }),
    bind(Browse, "Esc", "back / clear the filter", None, |k| {
        when(k.code == KeyCode::Esc, Action::Back)
    }),
    bind(Browse, "?", "help", Some("help"), |k| {
        when(plain(k) == Some('?'), Action::ToggleHelp)
    }),
    bind(Browse, "q", "quit", Some("quit"), |k| {
        when(plain(k) == Some('q'), Action::Quit)
    }),
    bind(Search, "Enter", "keep the filter", Some("keep"), |k| {
        when(k.code == KeyCode::Enter, Action::AcceptSearch)
    }),
    bind(Search, "Esc", "clear the filter", Some("clear"), |k| {
        when(k.code == KeyCode::Esc, Action::CancelSearch)
    }),
    bind(Search, "↑/↓", "move", Some("move"), |k| match k.code {
        KeyCode::Down => Some(Action::Down),
        KeyCode::Up => Some(Action::Up),
        _ => None,
    }),
    bind(Search, "C-u", "clear the line", None, |k| {
        when(ctrl(k, 'u'), Action::ClearLine)
    }),
    bind(Search, "Backspace", "delete a character", None, |k| {
        when(k.code == KeyCode::Backspace, Action::Backspace)
    }),
    bind(Search, "text", "narrow the list", None, |k| {
        plain(k).map(Action::Type)
    }),
    bind(Picker, "1-9", "open that link", Some("open"), |k| {
        plain(k)
            .and_then(|c| c.to_digit(10))
            .filter(|d| *d > 0)
            .map(|d| Action::OpenNumbered(d as usize))
    }),
    bind(Picker, "j/↓ k/↑", "move", None, |k| {
        match (k.code, plain(k)) {
            (KeyCode::Down, _) | (_, Some('j')) => Some(Action::Down),
            (KeyCode::Up, _) | (_, Some('k')) => Some(Action::Up),
            _ => None,
        }
    }),
    bind(
        Picker,
        "Enter",
        "open the selected link",
        Some("open"),
        |k| when(k.code == KeyCode::Enter, Action::Select),
    ),
    bind(Picker, "y", "copy the selected link", Some("copy"), |k| {
        when(plain(k) == Some('y'), Action::CopyLink)
    }),
    bind(Picker, "Esc/q", "close", Some("close"), |k| {
        when(
            k.code == KeyCode::Esc || plain(k) == Some('q'),
            Action::Back,
        )
    }),
    bind(
        Help,
        "j/↓ k/↑",
        "scroll the help",
        Some("scroll"),
        |k| match (k.code, plain(k)) {
            (KeyCode::Down, _) | (_, Some('j')) => Some(Action::Down),
            (KeyCode::Up, _) | (_, Some('k')) => Some(Action::Up),
            _ => None,
        },
    ),
    bind(Help, "?/Esc/q", "close the help", Some("close"), |k| {
        when(
            k.code == KeyCode::Esc || matches!(plain(k), Some('?' | 'q')),
            Action::ToggleHelp,
        )
    }),
];

/// The action for a key in a mode. Ctrl-C quits from everywhere.
pub fn action_for(mode: Mode, key: &KeyEvent) -> Option<Action> {
    if ctrl(key, 'c') {
        return Some(Action::Quit);
    }
    BINDINGS
        .iter()
        .filter(|b| b.mode == mode)
        .find_map(|b| (b.matches)(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn letters_are_commands_when_browsing_and_text_when_searching() {
        assert_eq!(
            action_for(Mode::Browse, &key(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for(Mode::Search, &key(KeyCode::Char('q'))),
            Some(Action::Type('q'))
        );
        assert_eq!(
            action_for(Mode::Search, &key(KeyCode::Char('/'))),
            Some(Action::Type('/'))
        );
    }

    #[test]
    fn ctrl_c_quits_in_every_mode() {
        let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [Mode::Browse, Mode::Search, Mode::Picker, Mode::Help] {
            assert_eq!(action_for(mode, &c), Some(Action::Quit));
        }
    }

    #[test]
    fn digits_open_numbered_links_in_the_picker_only() {
        assert_eq!(
            action_for(Mode::Picker, &key(KeyCode::Char('3'))),
            Some(Action::OpenNumbered(3))
        );
        assert_eq!(action_for(Mode::Picker, &key(KeyCode::Char('0'))), None);
        assert_eq!(action_for(Mode::Browse, &key(KeyCode::Char('3'))), None);
    }

    #[test]
    fn every_mode_documents_how_to_leave_it() {
        for mode in [Mode::Browse, Mode::Search, Mode::Picker, Mode::Help] {
            assert!(
                BINDINGS
                    .iter()
                    .any(|b| b.mode == mode && b.footer.is_some()),
                "{mode:?}"
            );
        }
    }
}
