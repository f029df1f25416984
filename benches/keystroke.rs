//! Keystroke to finished frame, start to first frame, and the search alone, on the built-in
//! registry and on synthetic registries of 100, 1,000 and 10,000 groups
//! (`cargo run --release --example synth -- N` prints the same registries).
//!
//! Run with `cargo bench --bench keystroke`. Targets (README): a keystroke under 2 ms median
//! on the built-in registry and under 10 ms at 10,000 groups; first frame under 30 ms.

#[path = "../examples/synth.rs"]
#[allow(dead_code)] // the example's `main` is not used here
mod synth;

use std::sync::OnceLock;

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use townhall::model::Registry;
use townhall::registry::load::Input;
use townhall::registry::{self, Sources};
use townhall::search::{Query, SearchIndex};
use townhall::state::State;
use townhall::tui::action::Action;
use townhall::tui::app::App;
use townhall::tui::theme::Theme;
use townhall::tui::update::update;
use townhall::tui::view;

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn synthetic(groups: usize) -> Registry {
    let text = synth::registry(groups, synth::DEFAULT_SEED);
    let loaded = registry::load::load_inputs(&[Input::new("synth.yaml", text)]);
    assert!(!loaded.has_errors(), "synthetic registry reads");
    loaded.registry
}

fn builtin() -> Registry {
    registry::load(&Sources::builtin_only()).registry
}

/// Registries are built once per size; building 10,000 groups takes a second or two.
fn registry_of(groups: usize) -> &'static Registry {
    static CACHE: [OnceLock<Registry>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = SIZES
        .iter()
        .position(|&s| s == groups)
        .expect("a benchmarked size");
    CACHE[slot].get_or_init(|| synthetic(groups))
}

fn app(registry: Registry) -> App {
    let now = "2026-11-21T00:00:00Z".parse().unwrap();
    App::new(registry, State::default(), now, jiff::tz::TimeZone::UTC)
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(120, 40)).unwrap()
}

/// A query people type into synthetic data: common word stems, so many groups match.
const TYPED: &str = "clou";
const NEXT: char = 'd';

/// Types one more character of a query (the list narrows) and draws the frame.
fn keystroke_on(bencher: Bencher, registry: Registry) {
    let theme = Theme::new(true);
    let mut app = app(registry);
    update(&mut app, Action::StartSearch);
    for c in TYPED.chars() {
        update(&mut app, Action::Type(c));
    }
    let (rows, query) = (app.browse.rows.clone(), Query::parse(TYPED));
    let mut term = terminal();
    bencher
        .with_inputs(|| (rows.clone(), query.clone()))
        .bench_local_values(|(rows, query)| {
            app.browse.rows = rows;
            app.filters.query = query;
            app.filters.text.truncate(TYPED.len());
            update(&mut app, Action::Type(NEXT));
            term.draw(|f| view::draw(f, &app, &theme)).unwrap();
        });
}

#[divan::bench(args = SIZES)]
fn keystroke_narrowing(bencher: Bencher, groups: usize) {
    keystroke_on(bencher, registry_of(groups).clone());
}

#[divan::bench]
fn keystroke_narrowing_builtin(bencher: Bencher) {
    keystroke_on(bencher, builtin());
}

/// Alternates "c" → "cl" → "c": each call is one typed character or one backspace.
fn next_key(app: &App) -> Action {
    match app.filters.text.len() {
        2 => Action::Backspace,
        0 => Action::Type('c'),
        _ => Action::Type('l'),
    }
}

/// Backspace: the list widens, so every group is searched again; the worst keystroke.
#[divan::bench(args = SIZES)]
fn keystroke_widening(bencher: Bencher, groups: usize) {
    let theme = Theme::new(true);
    let mut app = app(registry_of(groups).clone());
    update(&mut app, Action::StartSearch);
    let mut term = terminal();
    bencher.bench_local(|| {
        let key = next_key(&app);
        update(&mut app, key);
        term.draw(|f| view::draw(f, &app, &theme)).unwrap();
    });
}

/// Drawing an unchanged screen: what every tick and resize costs.
#[divan::bench(args = SIZES)]
fn render(bencher: Bencher, groups: usize) {
    let theme = Theme::new(true);
    let app = app(registry_of(groups).clone());
    let mut term = terminal();
    bencher.bench_local(|| {
        term.draw(|f| view::draw(f, &app, &theme))
            .unwrap()
            .area
            .width
    });
}

/// The search core alone, a full search for a two-term query.
#[divan::bench(args = SIZES)]
fn search_full(bencher: Bencher, groups: usize) {
    let index = SearchIndex::new(&registry_of(groups).groups);
    let query = Query::parse("cloud run");
    bencher.bench_local(|| index.search(&query).len());
}

/// Start to first frame with the built-in registry: parse and check the data files, build
/// the search index and the rows, draw.
#[divan::bench]
fn first_frame_builtin(bencher: Bencher) {
    let theme = Theme::new(true);
    bencher.bench_local(|| {
        let app = app(builtin());
        let mut term = terminal();
        term.draw(|f| view::draw(f, &app, &theme))
            .unwrap()
            .area
            .width
    });
}

/// A keystroke in the Projects view, which matches every project name, other name and repo
/// (about 23 per group) each time.
#[divan::bench(args = SIZES)]
fn keystroke_projects(bencher: Bencher, groups: usize) {
    let theme = Theme::new(true);
    let mut app = app(registry_of(groups).clone());
    update(&mut app, Action::ToggleProjects);
    update(&mut app, Action::StartSearch);
    let mut term = terminal();
    bencher.bench_local(|| {
        let key = next_key(&app);
        update(&mut app, key);
        term.draw(|f| view::draw(f, &app, &theme)).unwrap();
    });
}
