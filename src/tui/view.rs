//! Draws the App. Reads state only; every style comes from the theme.

mod described;
mod detail;
mod help;
mod list;
mod meetings;
mod picker;
mod text;
mod warnings;
mod wrap;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::action::{Action, Pane};
use super::app::{App, Overlay, View};
use super::keymap::{BINDINGS, key};
use super::layout::{Areas, areas};
use super::theme::Theme;
use crate::untrusted::{Layout, escape};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let size = frame.area();
    let Some(areas) = areas(size, app.browse.focus) else {
        too_small(frame, size, theme);
        return;
    };
    header(frame, app, &areas, theme);
    if let Some(area) = areas.list {
        list::draw(frame, app, area, theme);
    }
    if let Some(area) = areas.detail {
        detail::draw(frame, app, area, theme);
    }
    if let Some(area) = areas.meetings {
        meetings::draw(frame, app, area, theme);
    }
    status(frame, app, areas.status, theme);
    footer(frame, app, areas.footer, theme);
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help { scroll } => help::draw(frame, size, *scroll, theme),
        Overlay::Picker(picker) => picker::draw(frame, picker, size, theme),
        Overlay::Warnings { scroll } => {
            warnings::draw(frame, &app.data.warnings, *scroll, size, theme)
        }
    }
}

fn too_small(frame: &mut Frame, size: Rect, theme: &Theme) {
    let text = vec![
        Line::from(Span::styled("terminal too small", theme.heading)),
        Line::from(format!(
            "townhall needs at least {}×{}",
            super::layout::MIN_WIDTH,
            super::layout::MIN_HEIGHT
        )),
    ];
    let p = Paragraph::new(text)
        .alignment(Alignment::Center)
        .wrap(Wrap { trim: true });
    frame.render_widget(p, size);
}

fn header(frame: &mut Frame, app: &App, areas: &Areas, theme: &Theme) {
    let f = &app.filters;
    let view = match (f.view, f.favorites_only) {
        (View::Groups, false) => "Groups",
        (View::Groups, true) => "Favorites",
        (View::Projects, false) => "Projects",
        (View::Projects, true) => "Projects of favorites",
        (View::Upcoming, _) if f.within_hours => "Upcoming, within my hours",
        (View::Upcoming, _) => "Upcoming",
    };
    let mut spans = vec![
        Span::styled(" townhall ", theme.title),
        Span::styled(format!("· {view} · {}", app.count_text()), theme.text),
    ];
    if !f.text.is_empty() {
        spans.push(Span::styled(" · filter: ", theme.dim));
        let text = escape(&f.text, Layout::Line);
        spans.push(Span::styled(crate::text::truncate(&text, 40), theme.text));
    }
    if app.is_preparing() {
        spans.push(Span::styled(" · preparing the search", theme.dim));
    }
    if let Some(freshness) = &app.freshness {
        spans.push(Span::styled(
            format!(" · data: {}", freshness.describe(app.now)),
            theme.dim,
        ));
    }
    frame.render_widget(Line::from(spans), areas.header);
}

fn status(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let line = if let Some(line) = &app.search {
        Line::from(vec![
            Span::styled(key(Action::StartSearch), theme.key),
            Span::raw(escape(line, Layout::Line).into_owned()),
            Span::styled("█", theme.dim),
        ])
    } else if let Some(message) = &app.status {
        Line::from(Span::styled(
            escape(message, Layout::Line).into_owned(),
            theme.status,
        ))
    } else if let Some(s) = &app.syncing {
        let counted = if s.total > 0 {
            format!(" {}/{} sources", s.done, s.total)
        } else {
            String::new()
        };
        Line::from(Span::styled(format!("syncing…{counted}"), theme.dim))
    } else if !app.data.warnings.is_empty() {
        // Said for as long as there are warnings, since any key clears a status message.
        Line::from(vec![
            Span::styled(
                format!("{}: ", warnings::count(app.data.warnings.len())),
                theme.status,
            ),
            Span::styled(key(Action::ToggleWarnings), theme.key),
            Span::styled(" shows them", theme.status),
        ])
    } else {
        Line::default()
    };
    frame.render_widget(line, area);
}

fn footer(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let mode = app.mode();
    let mut spans = Vec::new();
    for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
        if let Some(word) = b.footer {
            spans.push(Span::styled(b.keys_text(), theme.key));
            spans.push(Span::styled(format!(" {word}  "), theme.dim));
        }
    }
    frame.render_widget(Line::from(spans), area);
}

/// Draws wrapped text in a bordered pane from line `scroll` on, saying in the bottom border
/// when there is more below or above, so cut-off text never looks finished.
fn text_pane(
    frame: &mut Frame,
    block: Block,
    items: &[wrap::Hanging],
    scroll: u16,
    area: Rect,
    theme: &Theme,
) {
    /// Lines counted below the pane before the hint says only "500+".
    const COUNTED_BELOW: usize = 500;
    let inner = block.inner(area);
    let height = usize::from(inner.height);
    let wanted = usize::from(scroll) + height + COUNTED_BELOW;
    let (lines, uncounted) = wrap::wrap_at_most(items, usize::from(inner.width), wanted);
    let first = usize::from(scroll).min(lines.len().saturating_sub(height));
    let below = lines.len().saturating_sub(first + height);
    let plus = if uncounted { "+" } else { "" };
    let hint = match (first > 0, below > 0) {
        (false, false) => None,
        (true, false) => Some(" ↑ more ".to_string()),
        (false, true) => Some(format!(" ↓ {below}{plus} more ")),
        (true, true) => Some(format!(" ↑↓ {below}{plus} more ")),
    };
    let block = match hint {
        Some(h) => block.title_bottom(Line::from(Span::styled(h, theme.dim)).right_aligned()),
        None => block,
    };
    let shown: Vec<Line> = lines.into_iter().skip(first).take(height).collect();
    frame.render_widget(Paragraph::new(shown).block(block), area);
}

/// A bordered block whose border is bright when the pane has the focus.
fn pane_block<'a>(title: &'a str, app: &App, pane: Pane, theme: &Theme) -> Block<'a> {
    let style = if app.browse.focus == pane {
        theme.border_focused
    } else {
        theme.border
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(format!(" {title} "), style))
}

#[cfg(test)]
mod calendar_tests;
#[cfg(test)]
mod snapshots;
