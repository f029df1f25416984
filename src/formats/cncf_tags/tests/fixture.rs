//! The real `tags.yaml` (cncf/toc at 4acc1dc, see `tests/fixtures/upstream/README.md`), read end to
//! end.

use super::{groups, messages, read};

pub fn fixture() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/upstream/cncf-toc-tags.yaml"
    );
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn five_tags_and_the_toc_with_their_subprojects() {
    let converted = read(&fixture());
    let gs = groups(&converted);
    let ids: Vec<&str> = gs.iter().map(|g| g.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cncf-tag-developer-experience",
            "cncf-tag-infrastructure",
            "cncf-tag-operational-resilience",
            "cncf-tag-security-and-compliance",
            "cncf-tag-workloads-foundation",
            "cncf-toc",
        ]
    );
    let with_subprojects: Vec<&str> = gs[..5]
        .iter()
        .filter(|g| !g.projects.is_empty())
        .map(|g| g.projects[0].name.as_str())
        .collect();
    assert_eq!(
        with_subprojects,
        ["Green Reviews", "Security Assessments", "Batch"]
    );
    assert_eq!(gs[5].projects.len(), 3);
    assert_eq!(converted.written.len(), 6);
    for (g, w) in gs.iter().zip(&converted.written) {
        assert_eq!(g.meetings.len(), w.meetings.len(), "{}", g.id);
    }
    assert_eq!(
        messages(&converted),
        [
            "tags.yaml:1:1: warning: 1 of 1 meeting times say how many weeks apart but not which weeks; every candidate week is shown as possible",
            "tags.yaml:1:1: warning: 8 of 9 meetings publish no day or time, only a calendar link; townhall can't say when they next meet",
            "tags.yaml:588:24: warning: mission statement \"Foo-Baz-Bar\" is a template placeholder; left out",
            "tags.yaml:593:11: warning: a Contributor Strategy and Advocacy SubProject chair entry whose name \"The Contributor Strategy and Advocacy Subproject are lead by CNCF staff to support projects and contributors\" is not a person's, with no GitHub handle; skipped",
            "tags.yaml:627:24: warning: mission statement \"Foo-Baz-Bar\" is a template placeholder; left out",
            "tags.yaml:666:24: warning: mission statement \"Foo-Baz-bar\" is a template placeholder; left out",
            "tags.yaml:671:11: warning: a Project Reviews SubProject chair entry with no name and no GitHub handle; skipped",
        ]
    );
}

/// Eight meetings point to an LFX calendar; the Batch subproject's is the one with a time.
#[test]
fn meetings_are_calendars_but_one_with_a_time() {
    let converted = read(&fixture());
    let meetings: Vec<_> = groups(&converted)
        .iter()
        .flat_map(|g| &g.meetings)
        .collect();
    assert_eq!(meetings.len(), 9);
    let calendars = meetings
        .iter()
        .filter(|m| m.published == "See the LFX calendar" && m.calendar.is_some());
    assert_eq!(calendars.count(), 8);
    let timed: Vec<_> = meetings.iter().filter(|m| m.schedule.is_some()).collect();
    assert_eq!(timed.len(), 1);
    assert_eq!(timed[0].projects.first().map(String::as_str), Some("Batch"));
    let subprojects = meetings.iter().filter(|m| !m.projects.is_empty()).count();
    assert_eq!(subprojects, 4, "Batch and the three TOC subprojects");
}
