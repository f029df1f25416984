//! The browser with the Kubernetes fixture calendar attached: the Upcoming view strikes a
//! cancelled meeting and says where a moved one was; the meetings pane says where its times
//! come from.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use super::draw;
use crate::agenda::{Calendars, Feed};
use crate::calendar::Calendar;
use crate::state::State;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::effect::Effect;
use crate::tui::theme::Theme;
use crate::tui::update::update;

fn app_at(now: &str) -> App {
    let mut registry = crate::registry::load(&crate::registry::Sources::builtin_only()).registry;
    let now: jiff::Timestamp = now.parse().unwrap();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/calendars/kubernetes.ics"
    );
    let feed = Feed {
        name: "kubernetes.ics".into(),
        community: "kubernetes".into(),
        calendar: Calendar::read(&std::fs::read(path).unwrap()).unwrap(),
    };
    let calendars = Calendars::attach(&mut registry, vec![feed], now);
    let mut app = App::new(registry, State::default(), now, jiff::tz::TimeZone::UTC);
    app.data.calendars = calendars;
    app.refilter(None);
    app
}

const W: u16 = 240;

fn screen(app: &App) -> (String, Terminal<TestBackend>) {
    let mut terminal = Terminal::new(TestBackend::new(W, 160)).unwrap();
    terminal.draw(|f| draw(f, app, &Theme::new(true))).unwrap();
    let text = terminal
        .backend()
        .buffer()
        .content
        .chunks(usize::from(W))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n");
    (text, terminal)
}

fn upcoming(app: &mut App) {
    update(app, Action::ToggleUpcoming);
}

#[test]
fn a_cancelled_meeting_is_struck_and_z_does_not_join_it() {
    // Sunday 15 November: SIG Architecture's meeting of Thursday 19 November is cancelled.
    let mut app = app_at("2026-11-15T12:00:00Z");
    upcoming(&mut app);
    let (text, terminal) = screen(&app);
    let line = text
        .lines()
        .find(|l| l.contains("SIG Architecture · Regular SIG Meeting") && l.contains("19:00"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("cancelled"), "{line}");
    let buffer = terminal.backend().buffer();
    let y = text.lines().position(|l| l == line).unwrap();
    let x = line.find("SIG Architecture").unwrap();
    let cell = &buffer[(
        u16::try_from(line[..x].chars().count()).unwrap(),
        u16::try_from(y).unwrap(),
    )];
    assert!(
        cell.modifier.contains(Modifier::CROSSED_OUT),
        "struck through"
    );
    let row = app
        .browse
        .rows
        .iter()
        .position(|r| {
            r.mark
                .as_ref()
                .is_some_and(|m| m.status == crate::agenda::Status::Cancelled)
        })
        .unwrap();
    update(&mut app, Action::Click(row));
    assert_eq!(update(&mut app, Action::Join), None::<Effect>);
    assert!(app.status.as_deref().unwrap().contains("cancelled"));
}

#[test]
fn a_moved_meeting_shows_its_new_time_and_where_it_was() {
    let mut app = app_at("2026-11-01T12:00:00Z");
    upcoming(&mut app);
    let (text, _) = screen(&app);
    let line = text
        .lines()
        .find(|l| l.contains("moved from"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("19:00"),
        "Wednesday 4 November 11:00 PST: {line}"
    );
    assert!(line.contains("moved from Thu 5 Nov 19:00"), "{line}");
    let moved = app
        .browse
        .rows
        .iter()
        .find_map(|r| r.mark.as_ref().filter(|m| m.moved_from.is_some()))
        .unwrap();
    assert_eq!(
        moved.title.as_deref(),
        Some("SIG Architecture Bi-Weekly Meeting (moved for KubeCon)"),
        "the calendar's title for the moved one"
    );
}

#[test]
fn the_meetings_pane_says_where_each_time_comes_from() {
    let mut app = app_at("2026-10-20T12:00:00Z");
    app.select_group("kubernetes-sig-architecture");
    app.browse.focus = crate::tui::action::Pane::Meetings;
    let (text, _) = screen(&app);
    assert!(
        text.contains("times       from the community calendar (Kubernetes Community)"),
        "{text}"
    );
    assert!(text.contains("next        "), "{text}");
    app.select_group("cncf-tag-workloads-foundation");
    let (text, _) = screen(&app);
    // A group the calendar doesn't hold: its times are the registry's, from the TAG's page.
    assert!(text.contains("times       from README.md"), "{text}");
    assert!(!text.contains("community calendar"), "{text}");
}
