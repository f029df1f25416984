//! The detail pane: the group as [`crate::present`] describes it, except its meetings (they
//! have their own pane).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::action::Pane;
use super::super::app::App;
use super::super::theme::Theme;
use super::described::{self, hint};
use super::wrap::{Hanging, hanging};
use super::{pane_block, text_pane};
use crate::model::Group;
use crate::present::describe_group;

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let block = pane_block("Group", app, Pane::Detail, theme);
    let items = match app.selected_group() {
        Some(g) => lines(app, g, theme),
        None => vec![hanging(
            Line::from(Span::styled("no group selected", theme.dim)),
            0,
        )],
    };
    text_pane(frame, block, &items, app.browse.detail_scroll, area, theme);
}

pub fn lines(app: &App, g: &Group, theme: &Theme) -> Vec<Hanging> {
    let d = describe_group(g, &app.data.registry);
    let mut out = vec![
        hanging(
            Line::from(vec![
                Span::styled(d.name.clone(), theme.title),
                Span::styled(format!("  ({})", d.id), theme.dim),
            ]),
            0,
        ),
        hanging(Line::from(Span::styled(d.summary.clone(), theme.dim)), 0),
    ];
    for item in &d.about {
        let mut spans = vec![Span::raw(format!("  {}", item.text))];
        if let Some(h) = item.hint {
            spans.push(Span::styled(format!("  {}", hint(h)), theme.dim));
        }
        out.push(hanging(Line::from(spans), 2));
    }
    for section in &d.sections {
        out.extend(described::heading(section, theme));
        out.extend(described::items(section, 0, theme));
    }
    out
}
