//! Every style the TUI uses, in one place. Meaning never rests on colour alone: matches are
//! bold and underlined, the selection is reversed, status has symbols; with `NO_COLOR` set
//! (or `--color never`) only those modifiers remain.
//!
//! Two palettes: the dark one's yellows and cyans vanish on a white background, so a light
//! terminal gets blues, magentas and reds instead (`theme:` in config.yaml, or the
//! terminal's `COLORFGBG`).

use ratatui::style::{Color, Modifier, Style};

use crate::config::Background;

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
    /// The palette for `background`, or only modifiers when `color` is false.
    pub fn for_background(color: bool, background: Background) -> Theme {
        match background {
            Background::Dark => Theme::new(color),
            Background::Light if color => Theme::light(),
            Background::Light => Theme::new(false),
        }
    }

    /// Colours that read on a white or pale background.
    pub fn light() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            title: bold.fg(Color::Blue),
            heading: bold.fg(Color::Magenta),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            matched: bold.add_modifier(Modifier::UNDERLINED).fg(Color::Red),
            gone: Style::new().fg(Color::DarkGray),
            favorite: Style::new().fg(Color::Magenta),
            border: Style::new().fg(Color::DarkGray),
            border_focused: bold.fg(Color::Blue),
            key: bold.fg(Color::Blue),
            status: Style::new().fg(Color::Green),
            link_number: bold.fg(Color::Blue),
            cancelled: Style::new()
                .add_modifier(Modifier::CROSSED_OUT)
                .fg(Color::Red),
        }
    }

    /// Dark (the default) unless told or the terminal says its background is light.
    pub fn background(configured: Option<Background>) -> Background {
        configured
            .or_else(|| background_of(std::env::var("COLORFGBG").ok().as_deref()))
            .unwrap_or(Background::Dark)
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

/// `COLORFGBG` as rxvt, Konsole and others set it: "foreground;background" (sometimes with a
/// middle field) in the 16 ANSI colours. White, light grey and the bright colours but dark
/// grey are light backgrounds.
pub fn background_of(colorfgbg: Option<&str>) -> Option<Background> {
    let bg: u8 = colorfgbg?.rsplit(';').next()?.trim().parse().ok()?;
    Some(match bg {
        7 | 9..=15 => Background::Light,
        _ => Background::Dark,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorfgbg_tells_the_background() {
        assert_eq!(background_of(Some("0;15")), Some(Background::Light));
        assert_eq!(background_of(Some("0;default;7")), Some(Background::Light));
        assert_eq!(background_of(Some("15;0")), Some(Background::Dark));
        assert_eq!(background_of(Some("7;8")), Some(Background::Dark));
        assert_eq!(background_of(Some("junk")), None);
        assert_eq!(background_of(None), None);
    }

    #[test]
    fn the_light_palette_has_no_yellow_or_cyan() {
        let t = Theme::light();
        let styles = [
            t.title,
            t.heading,
            t.matched,
            t.favorite,
            t.key,
            t.status,
            t.link_number,
        ];
        for style in styles {
            assert!(
                !matches!(
                    style.fg,
                    Some(Color::Yellow | Color::LightYellow | Color::Cyan | Color::LightCyan)
                ),
                "{style:?}"
            );
        }
        // Meaning still in the modifiers.
        assert!(
            t.matched
                .add_modifier
                .contains(Modifier::BOLD | Modifier::UNDERLINED)
        );
        assert_eq!(
            Theme::for_background(false, Background::Light),
            Theme::new(false)
        );
    }
}
