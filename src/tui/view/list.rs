//! The list pane: one row per group (or per project in the Projects view).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::super::action::Pane;
use super::super::app::{App, View};
use super::super::layout::list_offset;
use super::super::rows::Row;
use super::super::theme::Theme;
use super::pane_block;
use super::text::highlighted;
use crate::model::{Group, GroupKind, Status};
use crate::schedule::{Occurrence, countdown};
use crate::text::{truncate, width};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let title = match app.filters.view {
        View::Groups => "Groups",
        View::Projects => "Projects",
        View::Upcoming => "Upcoming",
    };
    let block = pane_block(title, app, Pane::List, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if app.browse.rows.is_empty() {
        let message = if app.filters.text.is_empty() {
            "nothing here yet"
        } else {
            "no match; Esc clears the filter"
        };
        frame.render_widget(Paragraph::new(Span::styled(message, theme.dim)), inner);
        return;
    }
    let offset = list_offset(app.browse.selected, inner.height);
    let lines: Vec<Line> = app
        .browse
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(usize::from(inner.height))
        .map(|(i, row)| {
            let line = row_line(app, i, row, usize::from(inner.width), theme);
            if i == app.browse.selected {
                selected(line, theme)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One even bar: colours give way to the selection style, while the bold and underline
/// that mark matched characters stay.
fn selected<'a>(line: Line<'a>, theme: &Theme) -> Line<'a> {
    let spans = line.spans.into_iter().map(|s| {
        let style = theme.selected.add_modifier(s.style.add_modifier);
        s.style(style)
    });
    Line::from(spans.collect::<Vec<_>>())
}

/// `CFF  WG  ✕★ Service Management  project: Service Fabrik`; the Paragraph cuts what
/// doesn't fit, so only the matched snippet needs fitting by hand.
fn row_line<'a>(app: &App, index: usize, row: &Row, width_: usize, theme: &Theme) -> Line<'a> {
    let g = &app.data.registry.groups[row.group];
    if let Some((meeting, occurrence)) = &row.meeting {
        let title = row
            .mark
            .as_ref()
            .and_then(|m| m.title.as_deref())
            .unwrap_or(&g.meetings[*meeting].title);
        return agenda_line(app, index, row, title, occurrence, theme);
    }
    let favorite = if app.state.is_favorite(&g.id) {
        "★"
    } else {
        " "
    };
    let mut spans = vec![
        Span::styled(
            format!("{:<4} {:<3} ", badge(app, g), kind(g.kind)),
            theme.dim,
        ),
        Span::styled(status_mark(g.status).to_string(), theme.gone),
        Span::styled(favorite.to_string(), theme.favorite),
        Span::raw(" "),
    ];
    let style = if g.status.is_gone() {
        theme.gone
    } else {
        theme.text
    };
    let project = row.project.map(|p| &g.projects[p]);
    let primary = project.map_or(g.name.as_str(), |p| p.name.as_str());
    let primary_label = if project.is_some() { "project" } else { "name" };
    let elsewhere = row.matched.as_ref().filter(|m| m.label != primary_label);
    let prefix: usize = spans.iter().map(|s| width(&s.content)).sum();
    // When the match is in another field, the name takes at most 2/5 of the row (padded, so
    // the matches line up) and the rest shows what matched.
    let name_room = (width_.saturating_sub(prefix) * 2 / 5).max(10);
    let label = elsewhere
        .map(|m| format!("  {}: ", short_label(m.label)))
        .unwrap_or_default();
    let snippet_room = width_.saturating_sub(prefix + name_room + width(&label));
    match &row.matched {
        Some(m) if m.label == primary_label => {
            spans.extend(highlighted(primary, &m.positions, style, theme.matched))
        }
        Some(_) if snippet_room >= 8 && project.is_none() => {
            let name = truncate(primary, name_room);
            let pad = " ".repeat(name_room.saturating_sub(width(&name)));
            spans.push(Span::styled(format!("{name}{pad}"), style));
        }
        _ => spans.push(Span::styled(primary.to_string(), style)),
    }
    if project.is_some() {
        spans.push(Span::styled(format!("  · {}", g.name), theme.dim));
    }
    if let Some(m) = elsewhere {
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let room = width_.saturating_sub(used + width(&label));
        if room >= 8 {
            spans.push(Span::styled(label, theme.dim));
            spans.extend(matched_snippet(&m.text, &m.positions, room, theme));
        }
    }
    Line::from(spans)
}

/// `Thu 26 Nov  17:30  in 5d 15h   App Runtime Deployments · WG meeting`; the day is
/// written on the first meeting of each day only, so the list reads as grouped by day. A
/// tentative time is `17:30?`, the mark the help explains.
fn agenda_line<'a>(
    app: &App,
    index: usize,
    row: &Row,
    title: &str,
    occurrence: &Occurrence,
    theme: &Theme,
) -> Line<'a> {
    let (start, _) = occurrence.in_zone(&app.tz);
    let day = start.strftime("%a %-d %b").to_string();
    let first_of_day = index == 0
        || app.browse.rows[index - 1]
            .meeting
            .as_ref()
            .is_none_or(|(_, o)| o.in_zone(&app.tz).0.date() != start.date());
    let g = &app.data.registry.groups[row.group];
    let maybe = if occurrence.tentative { '?' } else { ' ' };
    let now = if occurrence.is_in_progress(app.now) {
        theme.status
    } else {
        theme.dim
    };
    let cancelled = row
        .mark
        .as_ref()
        .is_some_and(|m| m.status == crate::agenda::Status::Cancelled);
    let (when, name_style) = if cancelled {
        ("cancelled".to_owned(), theme.cancelled)
    } else {
        (countdown(app.now, occurrence), theme.text)
    };
    let mut spans = vec![
        Span::styled(
            format!("{:<11}", if first_of_day { day } else { String::new() }),
            theme.heading,
        ),
        Span::styled(format!("{}{maybe} ", start.strftime("%H:%M")), name_style),
        Span::styled(
            format!("{when:<10} "),
            if cancelled { theme.cancelled } else { now },
        ),
        Span::styled(g.name.clone(), name_style),
    ];
    // Before the title, which the pane may cut: the move is what a reader must not miss.
    if let Some(from) = row.mark.as_ref().and_then(|m| m.moved_from.as_ref()) {
        let from = from.with_time_zone(app.tz.clone());
        spans.push(Span::styled(
            format!(" · moved from {}", from.strftime("%a %-d %b %H:%M")),
            theme.status,
        ));
    }
    spans.push(Span::styled(format!(" · {title}"), theme.dim));
    Line::from(spans)
}

/// Field names short enough to leave room for the match itself.
fn short_label(label: &str) -> &str {
    match label {
        "project description" => "about",
        other => other,
    }
}

/// A long matched text cut to `room` columns around what matched (see `text::cut_around`).
fn matched_snippet(
    text: &str,
    positions: &[usize],
    room: usize,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let window = crate::text::cut_around(text, room, positions);
    let shifted = window.positions(positions);
    highlighted(&window.text, &shifted, theme.dim, theme.matched)
}

/// A short tag for the community: its own short form ("OTel"), else the initials of a
/// several-word name ("CNCF"), else its start.
fn badge(app: &App, g: &Group) -> String {
    let community = app.data.registry.community(&g.community);
    if let Some(short) = community.and_then(|c| c.short.as_deref()) {
        return short.chars().take(4).collect();
    }
    let name = community.map_or(g.community.as_str(), |c| c.name.as_str());
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() >= 2 {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .filter(|c| c.is_alphanumeric())
            .take(4)
            .collect::<String>()
            .to_uppercase()
    } else {
        name.chars().take(4).collect()
    }
}

fn kind(k: GroupKind) -> &'static str {
    match k {
        GroupKind::WorkingGroup => "WG",
        GroupKind::Sig => "SIG",
        GroupKind::Tag => "TAG",
        GroupKind::Committee => "COM",
        GroupKind::UserGroup => "UG",
        GroupKind::Other => "",
    }
}

/// A symbol for groups that no longer meet, so status never rests on colour alone.
pub fn status_mark(s: Status) -> char {
    match s {
        Status::Active => ' ',
        Status::Proposed => '?',
        Status::Archived | Status::Inactive => '▫',
        Status::Dissolved => '✕',
        Status::Renamed => '→',
        Status::NeverChartered => '∅',
    }
}
