//! The meetings pane: each meeting as published, its schedule, when it next happens in the
//! viewer's zone, and everything needed to join or dial in.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::action::Pane;
use super::super::app::App;
use super::super::theme::Theme;
use super::wrap::{Hanging, hanging};
use super::{pane_block, text_pane};
use crate::model::Meeting;
use crate::model::{Rule, When};
use crate::schedule::{countdown, describe, or_later};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let block = pane_block("Meetings", app, Pane::Meetings, theme);
    let items = match app.selected_group() {
        Some(g) if g.meetings.is_empty() => vec![hanging(
            Line::from(Span::styled("no meetings listed", theme.dim)),
            0,
        )],
        Some(g) => {
            let gi = app.selected_row().map_or(0, |r| r.group);
            g.meetings
                .iter()
                .enumerate()
                .flat_map(|(mi, m)| meeting(app, (gi, mi), m, theme))
                .collect()
        }
        None => Vec::new(),
    };
    text_pane(frame, block, &items, app.meetings_scroll, area, theme);
}

/// The label column is this wide; wrapped values hang under the value, not the label.
const LABEL: usize = 14;

fn field(label: &str, value: String, theme: &Theme) -> Hanging {
    let line = Line::from(vec![
        Span::styled(format!("  {label:<11} "), theme.dim),
        Span::raw(value),
    ]);
    hanging(line, LABEL)
}

fn meeting(app: &App, (gi, mi): (usize, usize), m: &Meeting, theme: &Theme) -> Vec<Hanging> {
    let mut out = vec![hanging(
        Line::from(Span::styled(m.title.clone(), theme.title)),
        2,
    )];
    if let Some(project) = &m.project {
        out.push(field("subproject", project.clone(), theme));
    }
    out.push(field("published", m.published.clone(), theme));
    let gone = app.registry.groups[gi].status.is_gone();
    let times = crate::agenda::time_source(&app.registry, &app.calendars, gi, mi);
    out.push(field("times", times, theme));
    let from_calendar = !gone && app.calendars.source_of(gi, mi).is_some();
    if from_calendar {
        out.extend(next_from_calendar(app, (gi, mi), theme));
    }
    match &m.when {
        When::Rule(rule) => {
            out.push(field("schedule", describe(rule), theme));
            if !gone && !from_calendar {
                out.extend(next(app, rule, theme));
            }
        }
        When::Unreadable(e) => out.push(field(
            "schedule",
            format!("? not understood ({e}); see the published time"),
            theme,
        )),
        When::Unstructured => out.push(field(
            "schedule",
            "? only the published time is known".into(),
            theme,
        )),
    }
    let optional = [
        (if gone { "old call" } else { "join (z)" }, &m.join),
        ("meeting ID", &m.meeting_id),
        ("passcode", &m.passcode),
    ];
    for (label, value) in optional {
        if let Some(v) = value {
            out.push(field(label, v.clone(), theme));
        }
    }
    for (label, phones) in [("one tap", &m.one_tap), ("dial in", &m.dial_in)] {
        for (i, p) in phones.iter().enumerate() {
            out.push(field(if i == 0 { label } else { "" }, p.summary(), theme));
        }
    }
    let later = [
        ("intl. dial", &m.international),
        ("notes", &m.notes),
        ("calendar", &m.calendar),
    ];
    for (label, value) in later {
        if let Some(v) = value {
            out.push(field(label, v.clone(), theme));
        }
    }
    for (i, r) in m.recordings.iter().enumerate() {
        out.push(field(
            if i == 0 { "recordings" } else { "" },
            r.clone(),
            theme,
        ));
    }
    if let Some(r) = &m.remarks {
        out.push(field("remarks", r.clone(), theme));
    }
    out.push(hanging(Line::default(), 0));
    out
}

/// The calendar's next occurrence, and whether it is off or moved.
fn next_from_calendar(app: &App, (gi, mi): (usize, usize), theme: &Theme) -> Vec<Hanging> {
    let window =
        crate::calendar::Window::new(app.now, app.now + jiff::SignedDuration::from_hours(24 * 35));
    let found = app
        .calendars
        .occurrences(gi, mi, window)
        .unwrap_or_default();
    let Some(o) = found.first() else {
        return vec![field(
            "next",
            "none in the calendar for 5 weeks".into(),
            theme,
        )];
    };
    let mine = o.start.with_time_zone(app.tz.clone());
    let mut spans = vec![
        Span::styled("  next        ".to_string(), theme.dim),
        Span::styled(format!("{} (your time)", when(&mine)), theme.heading),
        Span::raw(format!(" · {} there", o.start.strftime("%H:%M %Z"))),
    ];
    match (o.status, &o.moved_from) {
        (crate::calendar::EventStatus::Cancelled, _) => {
            spans.push(Span::styled(" · cancelled".to_string(), theme.cancelled));
        }
        (_, Some(from)) => spans.push(Span::styled(
            format!(
                " · moved from {}",
                when(&from.with_time_zone(app.tz.clone()))
            ),
            theme.status,
        )),
        _ => {}
    }
    vec![hanging(Line::from(spans), LABEL)]
}

/// "next  Thu 12 Mar 17:00 CET (yours) · 09:00 PDT there · in 2d 4h", and ", or a week
/// later" when the weeks aren't published, since the time shown may not be a meeting.
fn next(app: &App, rule: &Rule, theme: &Theme) -> Vec<Hanging> {
    let Some(occ) = rule.next_after(app.now) else {
        return vec![field("next", "no further meetings".into(), theme)];
    };
    let (mine, _) = occ.in_zone(&app.tz);
    let mut spans = vec![
        Span::styled("  next        ".to_string(), theme.dim),
        Span::styled(format!("{} (your time)", when(&mine)), theme.heading),
        Span::raw(format!(" · {} there · ", occ.start.strftime("%H:%M %Z"))),
        Span::styled(countdown(app.now, &occ), theme.status),
    ];
    if let Some(later) = or_later(rule) {
        spans.push(Span::raw(format!(", {later}")));
    }
    vec![hanging(Line::from(spans), LABEL)]
}

fn when(z: &Zoned) -> String {
    z.strftime("%a %-d %b %H:%M %Z").to_string()
}
