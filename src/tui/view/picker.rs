//! The `o` overlay: the selected group's links, numbered as in the detail pane.

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

pub fn draw(frame: &mut Frame, picker: &Picker, area: Rect, theme: &Theme) {
    let height = u16::try_from(picker.links.len() + 2)
        .unwrap_or(u16::MAX)
        .min(area.height.saturating_sub(2))
        .max(3);
    let rect = centered(area, area.width.saturating_sub(8).max(20), height);
    let visible = rect.height.saturating_sub(2);
    let offset = list_offset(picker.selected, visible);
    let lines: Vec<Line> = picker
        .links
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(visible))
        .map(|(i, link)| {
            let line = Line::from(vec![
                Span::styled(format!("{:>2} ", i + 1), theme.link_number),
                Span::raw(format!("{}  ", link.label)),
                Span::styled(link.url.clone(), theme.dim),
            ]);
            if i == picker.selected {
                line.patch_style(theme.selected)
            } else {
                line
            }
        })
        .collect();
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(
            format!(
                " Open a link — number or {}; {} copies; {} closes ",
                first_key(Mode::Picker, &Action::Select),
                first_key(Mode::Picker, &Action::CopyLink),
                first_key(Mode::Picker, &Action::Back),
            ),
            theme.title,
        ));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
