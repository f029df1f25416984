//! The browser tests' own small registry (`tests/fixtures/tui/`): transitions and snapshots
//! stand on it, so refreshing the bundled data doesn't churn them.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use super::app::App;
use crate::model::Registry;
use crate::registry::load::{Input, load_inputs};
use crate::state::State;

const FILES: [(&str, &str); 3] = [
    (
        "tui/cloudfoundry.yaml",
        include_str!("../../tests/fixtures/tui/cloudfoundry.yaml"),
    ),
    (
        "tui/cncf.yaml",
        include_str!("../../tests/fixtures/tui/cncf.yaml"),
    ),
    (
        "tui/kubernetes.yaml",
        include_str!("../../tests/fixtures/tui/kubernetes.yaml"),
    ),
];

/// The test registry, which must load without a single problem.
pub fn registry() -> Registry {
    let inputs: Vec<Input> = FILES.iter().map(|(n, t)| Input::new(*n, *t)).collect();
    let loaded = load_inputs(&inputs);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    loaded.registry
}

/// The browser on the test registry, on a Saturday (2026-11-21, 00:00 UTC) in UTC.
pub fn app() -> App {
    let now: Timestamp = "2026-11-21T00:00:00Z".parse().unwrap();
    App::new(registry(), State::default(), now, TimeZone::UTC)
}
