//! The meetings pane: each meeting as [`crate::present`] describes it, with when it next
//! happens in the viewer's zone (a live fact only the browser shows) after its schedule.

use jiff::Zoned;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::super::action::Pane;
use super::super::app::App;
use super::super::theme::Theme;
use super::described;
use super::wrap::{Hanging, hanging};
use super::{pane_block, text_pane};
use crate::model::{Group, Meeting, Rule};
use crate::present;
use crate::schedule::{countdown, or_later};

pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let block = pane_block("Meetings", app, Pane::Meetings, theme);
    let items = app
        .selected_group()
        .map(|g| lines(app, g, theme))
        .unwrap_or_default();
    text_pane(
        frame,
        block,
        &items,
        app.browse.meetings_scroll,
        area,
        theme,
    );
}

pub fn lines(app: &App, g: &Group, theme: &Theme) -> Vec<Hanging> {
    if g.meetings.is_empty() {
        let none = Line::from(Span::styled("no meetings listed", theme.dim));
        return vec![hanging(none, 0)];
    }
    let gi = app.data.registry.group_index(&g.id).unwrap_or(0);
    g.meetings
        .iter()
        .enumerate()
        .flat_map(|(mi, m)| meeting(app, (gi, mi), m, theme))
        .collect()
}

/// Labels get at least this many columns, so every meeting's values start in one column.
const LABEL: usize = 11;

fn meeting(app: &App, (gi, mi): (usize, usize), m: &Meeting, theme: &Theme) -> Vec<Hanging> {
    let section = present::meeting(m);
    let mut out = vec![hanging(
        Line::from(Span::styled(section.title.clone(), theme.title)),
        2,
    )];
    // Where the times come from, first: a calendar's, the registry file's, or none at all
    // for a group that no longer meets.
    let times = crate::agenda::time_source(&app.data.registry, &app.data.calendars, gi, mi);
    out.push(field("times", times, theme));
    let gone = app.data.registry.groups[gi].status.is_gone();
    let from_calendar = !gone && app.data.calendars.source_of(gi, mi).is_some();
    if from_calendar {
        out.push(next_from_calendar(app, (gi, mi), theme));
    }
    let mut items = described::items(&section, LABEL, theme);
    if let Some(rule) = m.rule().filter(|_| !gone && !from_calendar) {
        let after = section
            .items
            .iter()
            .position(|i| i.label.as_deref() == Some("schedule"))
            .map_or(0, |i| i + 1);
        // An item is one line before wrapping, so positions match.
        items.insert(after.min(items.len()), next(app, rule, theme));
    }
    out.extend(items);
    out.push(hanging(Line::default(), 0));
    out
}

fn field(label: &str, value: String, theme: &Theme) -> Hanging {
    let line = Line::from(vec![
        Span::styled(format!("  {label:<LABEL$} "), theme.dim),
        Span::raw(value),
    ]);
    hanging(line, LABEL + 3)
}

/// The calendar's next occurrence, and whether it is off or moved.
fn next_from_calendar(app: &App, (gi, mi): (usize, usize), theme: &Theme) -> Hanging {
    let window = crate::calendar::Window::around(
        app.now,
        jiff::SignedDuration::ZERO,
        jiff::SignedDuration::from_hours(24 * 35),
    );
    let found = app
        .data
        .calendars
        .occurrences(gi, mi, window)
        .unwrap_or_default();
    let Some(o) = found.first() else {
        return field("next", "none in the calendar for 5 weeks".into(), theme);
    };
    let mine = o.start.with_time_zone(app.tz.clone());
    let mut spans = vec![
        Span::styled(format!("  {:<LABEL$} ", "next"), theme.dim),
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
    hanging(Line::from(spans), LABEL + 3)
}

/// "next  Thu 12 Mar 17:00 CET (yours) · 09:00 PDT there · in 2d 4h", and ", or a week
/// later" when the weeks aren't published, since the time shown may not be a meeting.
fn next(app: &App, rule: &Rule, theme: &Theme) -> Hanging {
    let label = format!("  {:<LABEL$} ", "next");
    let Some(occ) = rule.next_after(app.now) else {
        let line = Line::from(vec![
            Span::styled(label, theme.dim),
            Span::raw("no further meetings"),
        ]);
        return hanging(line, LABEL + 3);
    };
    let (mine, _) = occ.in_zone(&app.tz);
    let mut spans = vec![
        Span::styled(label, theme.dim),
        Span::styled(format!("{} (your time)", when(&mine)), theme.heading),
        Span::raw(format!(" · {} there · ", occ.start.strftime("%H:%M %Z"))),
        Span::styled(countdown(app.now, &occ), theme.status),
    ];
    if let Some(later) = or_later(rule) {
        spans.push(Span::raw(format!(", {later}")));
    }
    hanging(Line::from(spans), LABEL + 3)
}

fn when(z: &Zoned) -> String {
    z.strftime("%a %-d %b %H:%M %Z").to_string()
}
