//! Every style the TUI uses, in one place. Meaning never rests on colour alone: matches are
//! bold and underlined, the selection is reversed, status has symbols; with `NO_COLOR` set
//! only those modifiers remain.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub heading: Style,
    pub selected: Style,
    pub matched: Style,
    pub gone: Style,
    pub favorite: Style,
    pub border: Style,
    pub border_focused: Style,
    pub key: Style,
    pub status: Style,
    pub link_number: Style,
    /// A meeting the community calendar cancelled: struck through, so nobody joins it.
    pub cancelled: Style,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set to anything non-empty (no-color.org).
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }

    pub fn new(color: bool) -> Theme {
        let c = |style: Style, color_: Color| if color { style.fg(color_) } else { style };
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            dim: if color {
                Style::new().fg(Color::DarkGray)
            } else {
                Style::new().add_modifier(Modifier::DIM)
            },
            title: c(bold, Color::Cyan),
            heading: c(bold, Color::Yellow),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matched: c(bold.add_modifier(Modifier::UNDERLINED), Color::LightYellow),
            gone: c(Style::new(), Color::DarkGray),
            favorite: c(Style::new(), Color::Yellow),
            border: c(Style::new(), Color::DarkGray),
            border_focused: c(bold, Color::Cyan),
            key: c(bold, Color::Cyan),
            status: c(Style::new(), Color::LightGreen),
            link_number: c(bold, Color::Cyan),
            cancelled: c(Style::new().add_modifier(Modifier::CROSSED_OUT), Color::Red),
        }
    }
}
