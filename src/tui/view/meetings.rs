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
    g.meetings
        .iter()
        .flat_map(|m| meeting(app, m, theme))
        .collect()
}

/// Labels get at least this many columns, so every meeting's values start in one column.
const LABEL: usize = 11;

fn meeting(app: &App, m: &Meeting, theme: &Theme) -> Vec<Hanging> {
    let section = present::meeting(m);
    let mut out = vec![hanging(
        Line::from(Span::styled(section.title.clone(), theme.title)),
        2,
    )];
    let mut items = described::items(&section, LABEL, theme);
    if let Some(rule) = m.rule() {
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
