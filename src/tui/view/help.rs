//! The `?` overlay, drawn from the same key table that maps the keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::super::action::Action;
use super::super::keymap::{ALL, BINDINGS, Mode, first_key, key};
use super::super::theme::Theme;

/// A rectangle centred in `area`, at most `width` × `height`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [cell] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    cell
}

pub fn draw(frame: &mut Frame, area: Rect, scroll: u16, theme: &Theme) {
    let mut lines = Vec::new();
    let picker = format!("Link picker ({})", key(Action::OpenLinkPicker));
    let warnings = format!("Warnings ({})", key(Action::ToggleWarnings));
    let sections: [(&str, &[Mode]); 5] = [
        ("Browsing", &[Mode::Browse]),
        ("Searching", &[Mode::Search]),
        (&picker, &[Mode::Picker]),
        (&warnings, &[Mode::Warnings]),
        ("Anywhere", ALL),
    ];
    for (title, modes) in sections {
        lines.push(Line::from(Span::styled(title.to_string(), theme.heading)));
        for b in BINDINGS.iter().filter(|b| b.modes == modes) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<13}", b.keys_text()), theme.key),
                Span::raw(b.help),
            ]));
        }
        lines.push(Line::default());
    }
    lines.push(Line::from(Span::styled("Marks", theme.heading)));
    lines.push(Line::from(
        "  ★ favorite  ▫ archived  ✕ dissolved  → renamed  ∅ never chartered",
    ));
    lines.push(Line::from(
        "  17:30? maybe: every few weeks, but which weeks isn't published",
    ));
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centered(area, 72, height);
    // Scrolling stops where the last line reaches the bottom of the box.
    let scroll = scroll.min(height.saturating_sub(rect.height));
    let close = first_key(Mode::Help, &Action::ToggleHelp);
    let title = if height > rect.height {
        format!(
            " Help — {}/{} scroll, {close} closes ",
            first_key(Mode::Help, &Action::Down),
            first_key(Mode::Help, &Action::Up)
        )
    } else {
        format!(" Help — {close} closes ")
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.title));
    frame.render_widget(Clear, rect);
    let help = Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0));
    frame.render_widget(help, rect);
}
