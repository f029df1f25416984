//! Whole frames on a TestBackend, at the two sizes people use most, for each screen state.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use super::draw;
use crate::tui::action::{Action, Pane};
use crate::tui::app::App;
use crate::tui::testing::app;
use crate::tui::theme::Theme;
use crate::tui::update::update;

fn frame(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| draw(f, app, &Theme::new(true))).unwrap();
    terminal
}

fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for a in actions {
        update(app, a);
    }
}

fn search(app: &mut App, text: &str) {
    act(app, [Action::StartSearch]);
    act(app, text.chars().map(Action::Type));
}

/// Snapshots a state at 80×24 and 120×40.
fn both_sizes(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), frame(app, w, h).backend());
    }
}

#[test]
fn first_screen() {
    both_sizes("first_screen", &app());
}

#[test]
fn filtered_list() {
    let mut app = app();
    search(&mut app, "uaa");
    both_sizes("filtered_list", &app);
}

#[test]
fn serverless_detail() {
    let mut app = app();
    app.select_group("cncf-wg-serverless");
    app.browse.focus = Pane::Detail;
    both_sizes("serverless_detail", &app);
}

#[test]
fn community_links_in_the_detail_pane() {
    let mut app = app();
    app.select_group("cf-foundational-infrastructure");
    // Scrolled down to the community's section, all of it in view.
    app.browse.focus = Pane::Detail;
    app.browse.detail_scroll = 8;
    insta::assert_snapshot!("community_links_120x60", frame(&app, 120, 60).backend());
}

#[test]
fn meetings_pane() {
    let mut app = app();
    app.select_group("cf-app-runtime-interfaces");
    app.browse.focus = Pane::Meetings;
    both_sizes("meetings_pane", &app);
}

#[test]
fn projects_view() {
    let mut app = app();
    act(&mut app, [Action::ToggleProjects]);
    search(&mut app, "bosh");
    act(&mut app, [Action::AcceptSearch]);
    both_sizes("projects_view", &app);
}

#[test]
fn help_overlay() {
    let mut app = app();
    act(&mut app, [Action::ToggleHelp]);
    both_sizes("help_overlay", &app);
}

#[test]
fn link_picker() {
    let mut app = app();
    app.select_group("cncf-wg-serverless");
    act(&mut app, [Action::OpenLinkPicker]);
    both_sizes("link_picker", &app);
}

#[test]
fn too_small() {
    let app = app();
    insta::assert_snapshot!("too_small_39x12", frame(&app, 39, 12).backend());
}

#[test]
fn no_size_panics() {
    let mut app = app();
    app.select_group("cncf-wg-serverless");
    act(&mut app, [Action::OpenLinkPicker]);
    for w in [0, 1, 2, 10, 39, 40, 41, 99, 100, 101, 250] {
        for h in [0, 1, 2, 9, 10, 11, 24, 60] {
            frame(&app, w, h);
        }
    }
}

#[test]
fn matched_chars_are_bold_and_underlined_not_only_coloured() {
    let mut app = app();
    search(&mut app, "foundational");
    let terminal = frame(&app, 120, 40);
    let buffer = terminal.backend().buffer();
    // Row 2 is the first list row; find the 'F' of "Foundational" on it.
    let row: String = (0..60)
        .map(|x| buffer[(x, 2)].symbol().to_string())
        .collect();
    let x = row.find("Foundational").expect("best hit on the first row") as u16;
    let cell = &buffer[(x, 2)];
    assert!(
        cell.modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED),
        "{:?}",
        cell.modifier
    );
    let selected = &buffer[(2, 2)];
    assert!(
        selected.modifier.contains(Modifier::REVERSED),
        "the selection is reversed"
    );
}

#[test]
fn no_color_keeps_meaning_in_modifiers() {
    let plain = Theme::new(false);
    assert!(
        plain
            .matched
            .add_modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    assert_eq!(plain.matched.fg, None);
    assert!(plain.selected.add_modifier.contains(Modifier::REVERSED));
}

#[test]
fn help_scrolls_to_its_last_line_on_a_small_screen() {
    let mut app = app();
    act(&mut app, [Action::ToggleHelp]);
    act(&mut app, std::iter::repeat_n(Action::Down, 100));
    insta::assert_snapshot!("help_scrolled_80x24", frame(&app, 80, 24).backend());
}

#[test]
fn upcoming_view() {
    let mut app = app();
    act(&mut app, [Action::ToggleUpcoming]);
    both_sizes("upcoming_view", &app);
}

#[test]
fn possible_meetings_are_marked_in_the_upcoming_list_and_the_meetings_pane() {
    let text = include_str!("../../../tests/fixtures/biweekly.yaml");
    let input = crate::registry::load::Input::new("ex.yaml", text);
    let registry = crate::registry::load::load_inputs(&[input]).registry;
    let now = "2026-03-02T12:00:00Z".parse().unwrap();
    let mut app = App::new(registry, Default::default(), now, jiff::tz::TimeZone::UTC);
    act(&mut app, [Action::ToggleUpcoming]);
    let terminal = frame(&app, 120, 40);
    let screen: Vec<String> = terminal
        .backend()
        .buffer()
        .content
        .chunks(120)
        .map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect();
    let all = screen.join("\n");
    assert!(
        all.contains("17:00? in 2d 5h   Example WG · Biweek"),
        "{all}"
    );
    assert!(
        all.contains("17:00  in 3d 5h   Example WG · Weekly"),
        "{all}"
    );
    // The meetings pane wraps its "next" line: only the biweekly call's says "later".
    assert!(all.contains("2d 5h, or a week later"), "{all}");
    assert_eq!(all.matches("later").count(), 1, "{all}");
}

/// The first frame, drawn before the search is ready, is the ready one's but for the header
/// saying so: same rows, same counts, same selected group.
#[test]
fn the_first_frame_before_the_search_is_ready_differs_only_in_its_header() {
    let ready = app();
    let preparing = App::preparing(
        std::sync::Arc::clone(&ready.data.registry),
        crate::state::State::default(),
        ready.now,
        ready.tz.clone(),
    );
    let lines = |app: &App| -> Vec<String> {
        let terminal = frame(app, 120, 40);
        let buffer = terminal.backend().buffer();
        (0..40)
            .map(|y| (0..120).map(|x| buffer[(x, y)].symbol()).collect())
            .collect()
    };
    let (before, after) = (lines(&preparing), lines(&ready));
    assert!(
        before[0].contains("· Groups · 8 / 8 groups · preparing the search"),
        "{}",
        before[0]
    );
    assert!(!after[0].contains("preparing"), "{}", after[0]);
    assert_eq!(before[1..], after[1..]);
}
