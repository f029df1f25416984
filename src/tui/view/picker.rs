//! The `o` overlay: the selected group's links, numbered as in the detail pane until the
//! filter line (its last row) narrows them; then the numbers are places in what is left.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::super::action::Action;
use super::super::app::Picker;
use super::super::keymap::{Mode, first_key};
use super::super::layout::list_offset;
use super::super::theme::Theme;
use super::help::centered;
use super::text::highlighted;
use crate::untrusted::{Layout, escape};

/// Digits open places 1 to 9; later places are reached by filtering or moving.
const NUMBERED: usize = 9;

pub fn draw(frame: &mut Frame, picker: &Picker, area: Rect, theme: &Theme) {
    // Links, the filter line, and the border: the height doesn't jump as the filter narrows.
    let height = u16::try_from(picker.links.len() + 3)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2))
        .max(4);
    let rect = centered(area, area.width.saturating_sub(8).max(20), height);
    let visible = rect.height.saturating_sub(3);
    let offset = list_offset(picker.selected, visible);
    let mut lines: Vec<Line> = picker
        .shown
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(visible))
        .map(|(place, shown)| {
            let link = &picker.links[shown.link];
            let number = if place < NUMBERED {
                format!("{:>2} ", place + 1)
            } else {
                "   ".into()
            };
            let mut spans = vec![Span::styled(number, theme.link_number)];
            spans.extend(highlighted(
                &link.label,
                &shown.label_matches,
                theme.text,
                theme.matched,
            ));
            spans.push(Span::raw("  "));
            spans.push(Span::styled(link.url.clone(), theme.dim));
            let line = Line::from(spans);
            if place == picker.selected {
                line.patch_style(theme.selected)
            } else {
                line
            }
        })
        .collect();
    if picker.shown.is_empty() {
        lines.push(Line::styled("   no link matches", theme.dim));
    }
    while lines.len() < usize::from(visible) {
        lines.push(Line::default());
    }
    let count = if picker.filter.is_empty() {
        format!("{} links", picker.links.len())
    } else {
        format!("{}/{}", picker.shown.len(), picker.links.len())
    };
    lines.push(Line::from(vec![
        Span::styled("> ", theme.key),
        Span::raw(escape(&picker.filter, Layout::Line).into_owned()),
        Span::styled(format!("  {count}"), theme.dim),
    ]));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            format!(
                " Open a link — type to filter, 1–9 or {}; {} copies; {} closes ",
                first_key(Mode::Picker, &Action::Select),
                first_key(Mode::Picker, &Action::CopyLink),
                first_key(Mode::Picker, &Action::Back),
            ),
            theme.title,
        ));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
