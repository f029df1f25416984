//! The real `workstreams.yml` (open-telemetry/community at 9f58973, see
//! `tests/fixtures/upstream/README.md`), read end to end.

use std::collections::HashSet;

use super::{groups, messages, read};
use crate::model::GroupKind;

fn fixture() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/upstream/opentelemetry-workstreams.yml"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_workstream_is_a_sig_whose_parent_is_in_the_file() {
    let converted = read(&fixture());
    let m = messages(&converted);
    assert!(m.iter().all(|p| p.contains(": warning: ")), "{m:#?}");
    let gs = groups(&converted);
    assert_eq!(gs.len(), 58);
    assert!(gs.iter().all(|g| g.kind == GroupKind::Sig));
    let ids: HashSet<&str> = gs.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(ids.len(), 58);
    let parents: Vec<&str> = gs.iter().filter_map(|g| g.parent.as_deref()).collect();
    assert_eq!(parents.len(), 20);
    assert!(parents.iter().all(|p| ids.contains(p)), "{parents:?}");
    let categories: Vec<&str> = gs.iter().filter_map(|g| g.category.as_deref()).collect();
    assert_eq!(categories.len(), 58);
    assert!(
        gs.iter()
            .all(|g| g.chat.len() == 1 && g.chat[0].url.is_some())
    );
    assert_eq!(converted.written.len(), 58);
    for (g, w) in gs.iter().zip(&converted.written) {
        assert_eq!(g.meetings.len(), w.meetings.len(), "{}", g.id);
    }
}

/// 52 meeting times: 50 read into 62 schedules (alternating times are several meetings),
/// 2 that name no day or time (see `schedule::published`'s fixture tests).
#[test]
fn meeting_times_are_read_into_schedules_but_two() {
    let converted = read(&fixture());
    let meetings: Vec<_> = groups(&converted)
        .iter()
        .flat_map(|g| &g.meetings)
        .collect();
    assert_eq!(meetings.len(), 64);
    assert_eq!(meetings.iter().filter(|m| m.schedule.is_some()).count(), 62);
    let unscheduled: Vec<&str> = meetings
        .iter()
        .filter(|m| m.schedule.is_none())
        .map(|m| m.published.as_str())
        .collect();
    assert_eq!(
        unscheduled,
        [
            "Meets during OpenTelemetry Operator and OpenTelemetry Collector",
            "Monthly on a different day, at a different time (see Slack channel)",
        ]
    );
    assert!(meetings.iter().all(|m| m.notes.is_some()));
    assert_eq!(meetings.iter().filter(|m| m.calendar.is_some()).count(), 63);
    let m = messages(&converted);
    assert_eq!(
        m[..2],
        [
            "workstreams.yml:1:1: warning: 2 of 52 meeting times could not be read; they are shown as published",
            "workstreams.yml:1:1: warning: 23 of 52 meeting times say how many weeks apart but not which weeks; every candidate week is shown as possible",
        ]
    );
}
