//! The `!` overlay: what loading warned about, which the browser never prints over its own
//! screen. It scrolls by warning, so a long one wraps without throwing the count off.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::action::Action;
use super::super::keymap::{Mode, first_key};
use super::super::theme::Theme;
use super::help::centered;
use super::wrap::{hanging, wrap_at_most};
use crate::untrusted::{Layout, escape};

pub fn draw(frame: &mut Frame, warnings: &[String], scroll: usize, area: Rect, theme: &Theme) {
    let rect = centered(
        area,
        area.width.saturating_sub(4).max(20),
        area.height.saturating_sub(2).max(3),
    );
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            format!(
                " {} — {}/{} scroll, {} closes ",
                count(warnings.len()),
                first_key(Mode::Warnings, &Action::Down),
                first_key(Mode::Warnings, &Action::Up),
                first_key(Mode::Warnings, &Action::ToggleWarnings),
            ),
            theme.title,
        ));
    let inner = block.inner(rect);
    let height = usize::from(inner.height);
    let first = scroll.min(warnings.len().saturating_sub(1));
    // Only the warnings that can be drawn are laid out, however many there are.
    let items: Vec<_> = warnings
        .iter()
        .skip(first)
        .take(height)
        .map(|w| {
            let line = Line::from(Span::styled(
                escape(w, Layout::Line).into_owned(),
                theme.text,
            ));
            hanging(line, 2)
        })
        .collect();
    let (lines, _) = wrap_at_most(&items, usize::from(inner.width), height);
    let shown = items_shown(&lines, &items, usize::from(inner.width));
    let below = warnings.len().saturating_sub(first + shown);
    let hint = match (first > 0, below > 0) {
        (false, false) => None,
        (true, false) => Some(format!(" ↑ {first} above ")),
        (false, true) => Some(format!(" ↓ {below} more ")),
        (true, true) => Some(format!(" ↑ {first} above, ↓ {below} more ")),
    };
    let block = match hint {
        Some(h) => block.title_bottom(Line::from(Span::styled(h, theme.dim)).right_aligned()),
        None => block,
    };
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

/// How many of `items` are drawn whole in `lines` (a warning cut at the bottom counts as
/// not yet shown, so the hint never claims it was read).
fn items_shown(lines: &[Line], items: &[super::wrap::Hanging], width: usize) -> usize {
    let mut used = 0;
    for (n, item) in items.iter().enumerate() {
        let (wrapped, _) = wrap_at_most(std::slice::from_ref(item), width, usize::MAX);
        used += wrapped.len();
        if used > lines.len() {
            return n;
        }
    }
    items.len()
}

/// "1 warning", "12 warnings".
pub fn count(n: usize) -> String {
    if n == 1 {
        "1 warning".to_string()
    } else {
        format!("{n} warnings")
    }
}
