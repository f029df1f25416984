//! The one key table, as data: which keys, in which modes, do which action, and the words
//! for it. Matching, the footer, the `?` help and every message that names a key are derived
//! from these rows, so what the screen says is always what the keys do. The mouse and Ctrl-C
//! are rows too.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Which keys are live: typing a search takes letters as text, overlays take few keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Browse,
    Search,
    Picker,
    Help,
    /// The `!` view of the loading warnings.
    Warnings,
}

/// A key, or a family of keys whose action carries what was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character typed without Ctrl or Alt.
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// Any character: [`Action::Type`] with it.
    Text,
    /// 1 to 9: [`Action::OpenNumbered`] with it.
    Digit,
    /// A left click on a list row: [`Action::Click`] with the row.
    Click,
    WheelUp,
    WheelDown,
}

impl Key {
    /// As people read it: "j", "↓", "C-u", "Enter".
    pub fn name(self) -> String {
        match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("C-{c}"),
            Key::Code(code) => match code {
                KeyCode::Up => "↑".into(),
                KeyCode::Down => "↓".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::Home => "Home".into(),
                KeyCode::End => "End".into(),
                KeyCode::Tab => "Tab".into(),
                KeyCode::BackTab => "S-Tab".into(),
                KeyCode::Enter => "Enter".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::Backspace => "Backspace".into(),
                other => other.to_string(),
            },
            Key::Text => "text".into(),
            Key::Digit => "1-9".into(),
            Key::Click => "click".into(),
            Key::WheelUp => "wheel up".into(),
            Key::WheelDown => "wheel down".into(),
        }
    }
}

/// What reached the TUI, already hit-tested: a key, or a mouse event on a list row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Key(KeyEvent),
    /// A left click; `row` is the visible list row under it, if any.
    Click {
        row: Option<usize>,
    },
    WheelUp,
    WheelDown,
}

pub struct Binding {
    pub modes: &'static [Mode],
    pub keys: &'static [Key],
    /// For [`Key::Text`], [`Key::Digit`] and [`Key::Click`], the kind of action; its value
    /// comes from the input.
    pub action: Action,
    pub help: &'static str,
    /// The footer's word for it, for the most used keys; every binding is in `?`.
    pub footer: Option<&'static str>,
}

impl Binding {
    /// "j/↓".
    pub fn keys_text(&self) -> String {
        let names: Vec<String> = self.keys.iter().map(|k| k.name()).collect();
        names.join("/")
    }

    fn action_for(&self, input: &Input) -> Option<Action> {
        self.keys
            .iter()
            .find_map(|&k| matched(k, input, &self.action))
    }
}

fn matched(key: Key, input: &Input, action: &Action) -> Option<Action> {
    let plain = |k: &KeyEvent| match k.code {
        KeyCode::Char(c)
            if !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    };
    let hit = |ok: bool| ok.then(|| action.clone());
    match (key, input) {
        (Key::Char(c), Input::Key(k)) => hit(plain(k) == Some(c)),
        (Key::Ctrl(c), Input::Key(k)) => {
            hit(k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char(c))
        }
        (Key::Code(code), Input::Key(k)) => hit(k.code == code),
        (Key::Text, Input::Key(k)) => plain(k).map(Action::Type),
        (Key::Digit, Input::Key(k)) => plain(k)
            .and_then(|c| c.to_digit(10))
            .filter(|d| *d > 0)
            .map(|d| Action::OpenNumbered(d as usize)),
        (Key::Click, Input::Click { row }) => row.map(Action::Click),
        (Key::WheelUp, Input::WheelUp) | (Key::WheelDown, Input::WheelDown) => hit(true),
        _ => None,
    }
}

use Mode::{Browse, Help, Picker, Search, Warnings};

/// Every mode: the rows the help lists under "Anywhere".
pub const ALL: &[Mode] = &[Browse, Search, Picker, Help, Warnings];
const BROWSE: &[Mode] = &[Browse];
const SEARCH: &[Mode] = &[Search];
const PICKER: &[Mode] = &[Picker];
const HELP: &[Mode] = &[Help];
const WARNINGS: &[Mode] = &[Warnings];

const fn bind(
    modes: &'static [Mode],
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    footer: Option<&'static str>,
) -> Binding {
    Binding {
        modes,
        keys,
        action,
        help,
        footer,
    }
}

use Key::{Char, Code};

/// Earlier rows win: Ctrl-C comes before a search's text, so it quits while typing too.
pub const BINDINGS: &[Binding] = &[
    bind(
        ALL,
        &[Key::Ctrl('c')],
        Action::Quit,
        "quit, from anywhere",
        None,
    ),
    bind(ALL, &[Key::Click], Action::Click(0), "select the row", None),
    bind(ALL, &[Key::WheelUp], Action::ScrollUp, "scroll up", None),
    bind(
        ALL,
        &[Key::WheelDown],
        Action::ScrollDown,
        "scroll down",
        None,
    ),
    bind(
        BROWSE,
        &[Char('/')],
        Action::StartSearch,
        "search (live; fzf syntax)",
        Some("search"),
    ),
    bind(
        BROWSE,
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        "move down",
        None,
    ),
    bind(
        BROWSE,
        &[Char('k'), Code(KeyCode::Up)],
        Action::Up,
        "move up",
        None,
    ),
    bind(
        BROWSE,
        &[Code(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(
        BROWSE,
        &[Code(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        BROWSE,
        &[Char('g'), Code(KeyCode::Home)],
        Action::Top,
        "first",
        None,
    ),
    bind(
        BROWSE,
        &[Char('G'), Code(KeyCode::End)],
        Action::Bottom,
        "last",
        None,
    ),
    bind(
        BROWSE,
        &[Code(KeyCode::Tab)],
        Action::NextPane,
        "next pane",
        None,
    ),
    bind(
        BROWSE,
        &[Code(KeyCode::BackTab)],
        Action::PreviousPane,
        "previous pane",
        None,
    ),
    bind(
        BROWSE,
        &[Code(KeyCode::Enter)],
        Action::Select,
        "show group / go to a project's group",
        None,
    ),
    bind(
        BROWSE,
        &[Char('z')],
        Action::Join,
        "join the next meeting",
        Some("join"),
    ),
    bind(
        BROWSE,
        &[Char('s')],
        Action::OpenChat,
        "open the chat channel",
        Some("chat"),
    ),
    bind(
        BROWSE,
        &[Char('m')],
        Action::OpenMailingList,
        "open the mailing list",
        None,
    ),
    bind(
        BROWSE,
        &[Char('o')],
        Action::OpenLinkPicker,
        "pick a link to open",
        Some("links"),
    ),
    bind(
        BROWSE,
        &[Char('y')],
        Action::CopyLink,
        "copy the join (or last) link",
        None,
    ),
    bind(
        BROWSE,
        &[Char('n')],
        Action::GoToSuccessor,
        "go to the successor group",
        None,
    ),
    bind(
        BROWSE,
        &[Char('f')],
        Action::ToggleFavorite,
        "favorite / unfavorite",
        None,
    ),
    bind(
        BROWSE,
        &[Char('F')],
        Action::ToggleFavoritesOnly,
        "favorites only",
        None,
    ),
    bind(
        BROWSE,
        &[Char('c')],
        Action::NextCommunity,
        "one community at a time / all",
        None,
    ),
    bind(
        BROWSE,
        &[Char('u')],
        Action::ToggleUpcoming,
        "upcoming meetings (7 days)",
        Some("upcoming"),
    ),
    bind(
        BROWSE,
        &[Char('w')],
        Action::ToggleWorkingHours,
        "upcoming: only within my working hours",
        None,
    ),
    bind(
        BROWSE,
        &[Char('e')],
        Action::Export,
        "export the group's meetings (.ics)",
        None,
    ),
    bind(
        BROWSE,
        &[Char('R')],
        Action::Sync,
        "sync the data now (in the background)",
        None,
    ),
    bind(
        BROWSE,
        &[Char('p')],
        Action::ToggleProjects,
        "projects view",
        Some("projects"),
    ),
    bind(
        BROWSE,
        &[Code(KeyCode::Esc)],
        Action::Back,
        "back / clear the filter",
        None,
    ),
    bind(
        BROWSE,
        &[Char('!')],
        Action::ToggleWarnings,
        "warnings about the loaded files",
        None,
    ),
    bind(
        BROWSE,
        &[Char('?')],
        Action::ToggleHelp,
        "help",
        Some("help"),
    ),
    bind(BROWSE, &[Char('q')], Action::Quit, "quit", Some("quit")),
    bind(
        SEARCH,
        &[Code(KeyCode::Enter)],
        Action::AcceptSearch,
        "keep the filter",
        Some("keep"),
    ),
    bind(
        SEARCH,
        &[Code(KeyCode::Esc)],
        Action::CancelSearch,
        "clear the filter",
        Some("clear"),
    ),
    bind(
        SEARCH,
        &[Code(KeyCode::Down)],
        Action::Down,
        "move down",
        Some("down"),
    ),
    bind(
        SEARCH,
        &[Code(KeyCode::Up)],
        Action::Up,
        "move up",
        Some("up"),
    ),
    bind(
        SEARCH,
        &[Key::Ctrl('u')],
        Action::ClearLine,
        "clear the line",
        None,
    ),
    bind(
        SEARCH,
        &[Code(KeyCode::Backspace)],
        Action::Backspace,
        "delete a character",
        None,
    ),
    bind(
        SEARCH,
        &[Key::Text],
        Action::Type(' '),
        "narrow the list",
        None,
    ),
    bind(
        PICKER,
        &[Key::Digit],
        Action::OpenNumbered(0),
        "open the link at that place",
        Some("open"),
    ),
    bind(
        PICKER,
        &[Code(KeyCode::Down)],
        Action::Down,
        "move down",
        None,
    ),
    bind(PICKER, &[Code(KeyCode::Up)], Action::Up, "move up", None),
    bind(
        PICKER,
        &[Code(KeyCode::Enter)],
        Action::Select,
        "open the selected link",
        Some("open"),
    ),
    bind(
        PICKER,
        &[Key::Ctrl('y')],
        Action::CopyLink,
        "copy the selected link",
        Some("copy"),
    ),
    bind(
        PICKER,
        &[Key::Ctrl('u')],
        Action::ClearLine,
        "clear the filter",
        None,
    ),
    bind(
        PICKER,
        &[Code(KeyCode::Backspace)],
        Action::Backspace,
        "delete a character",
        None,
    ),
    bind(
        PICKER,
        &[Code(KeyCode::Esc)],
        Action::Back,
        "close",
        Some("close"),
    ),
    bind(
        PICKER,
        &[Key::Text],
        Action::Type(' '),
        "narrow the links (fzf syntax)",
        Some("filter"),
    ),
    bind(
        HELP,
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        "scroll down",
        Some("scroll"),
    ),
    bind(
        HELP,
        &[Char('k'), Code(KeyCode::Up)],
        Action::Up,
        "scroll up",
        None,
    ),
    bind(
        HELP,
        &[Char('?'), Code(KeyCode::Esc), Char('q')],
        Action::ToggleHelp,
        "close the help",
        Some("close"),
    ),
    bind(
        WARNINGS,
        &[Char('j'), Code(KeyCode::Down)],
        Action::Down,
        "scroll down",
        Some("scroll"),
    ),
    bind(
        WARNINGS,
        &[Char('k'), Code(KeyCode::Up)],
        Action::Up,
        "scroll up",
        None,
    ),
    bind(
        WARNINGS,
        &[Code(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        WARNINGS,
        &[Code(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(
        WARNINGS,
        &[Char('g'), Code(KeyCode::Home)],
        Action::Top,
        "first",
        None,
    ),
    bind(
        WARNINGS,
        &[Char('G'), Code(KeyCode::End)],
        Action::Bottom,
        "last",
        None,
    ),
    bind(
        WARNINGS,
        &[Char('!'), Code(KeyCode::Esc), Char('q')],
        Action::ToggleWarnings,
        "close the warnings",
        Some("close"),
    ),
];

/// The action for an input in a mode.
pub fn action_for(mode: Mode, input: &Input) -> Option<Action> {
    BINDINGS
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .find_map(|b| b.action_for(input))
}

/// The keys that do `action` in `mode`, as the help writes them ("z", "Esc/q"), for
/// messages and panes that tell people which key to press; "?" if none does (a test keeps
/// every named action bound).
pub fn keys_for(mode: Mode, action: &Action) -> String {
    BINDINGS
        .iter()
        .find(|b| b.modes.contains(&mode) && b.action == *action)
        .map_or_else(|| "?".to_string(), Binding::keys_text)
}

/// The first of the keys that do `action` in `mode` ("Esc" of "Esc/q"), for short titles.
pub fn first_key(mode: Mode, action: &Action) -> String {
    BINDINGS
        .iter()
        .find(|b| b.modes.contains(&mode) && b.action == *action)
        .and_then(|b| b.keys.first())
        .map_or_else(|| "?".to_string(), |k| k.name())
}

/// The key that does `action` while browsing.
pub fn key(action: Action) -> String {
    keys_for(Mode::Browse, &action)
}

#[cfg(test)]
mod tests;
