//! The real kubernetes/community `sigs.yaml`, byte for byte (see the fixtures README for
//! what it contains).

use std::collections::BTreeSet;

use super::*;
use crate::yaml::node::Pos;

const FIXTURE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/upstream/kubernetes-sigs.yaml"
));

fn fixture() -> Converted {
    read(FIXTURE, &kubernetes())
}

fn kinds(c: &Converted, kind: GroupKind) -> usize {
    file(c).groups.iter().filter(|g| g.kind == kind).count()
}

#[test]
fn every_group_is_read_without_errors() {
    let c = fixture();
    let errors: Vec<String> = c
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(kinds(&c, GroupKind::Sig), 24);
    assert_eq!(kinds(&c, GroupKind::WorkingGroup), 8);
    assert_eq!(kinds(&c, GroupKind::UserGroup), 0);
    assert_eq!(kinds(&c, GroupKind::Committee), 3);
    assert_eq!(c.written.len(), file(&c).groups.len());
    let projects: usize = file(&c).groups.iter().map(|g| g.projects.len()).sum();
    assert_eq!(projects, 236);
}

/// Meetings as published: each written position once, however many schedules it read as.
fn published_meetings(c: &Converted) -> (BTreeSet<Pos>, BTreeSet<Pos>) {
    let (mut group, mut subproject) = (BTreeSet::new(), BTreeSet::new());
    for (g, written) in file(c).groups.iter().zip(&c.written) {
        assert_eq!(g.meetings.len(), written.meetings.len(), "{}", g.id);
        for (m, pos) in g.meetings.iter().zip(&written.meetings) {
            match m.projects.first() {
                None => group.insert(*pos),
                Some(_) => subproject.insert(*pos),
            };
        }
    }
    (group, subproject)
}

#[test]
fn meetings_are_counted_as_published_and_subproject_ones_name_their_project() {
    let c = fixture();
    let (group, subproject) = published_meetings(&c);
    assert_eq!(group.len(), 72);
    assert_eq!(subproject.len(), 30);
    let aws = group_meeting(&c, "Regular AWS Subproject Meeting");
    assert_eq!(aws.projects, ["provider-aws"]);
}

fn group_meeting<'c>(c: &'c Converted, title: &str) -> &'c crate::model::Meeting {
    file(c)
        .groups
        .iter()
        .flat_map(|g| &g.meetings)
        .find(|m| m.title == title)
        .unwrap_or_else(|| panic!("no meeting {title:?}"))
}

#[test]
fn the_zero_width_spaces_on_line_1027_are_trimmed_with_a_warning() {
    let c = fixture();
    let m = group_meeting(&c, "Regular AWS Subproject Meeting");
    assert_eq!(
        m.join.as_deref(),
        Some("https://zoom.us/j/508079177?pwd=ZmEvMksxdTFTc0N1eXFLRm91QUlyUT09")
    );
    let on_1027: Vec<String> = c
        .problems
        .iter()
        .filter(|p| p.pos.is_some_and(|p| p.line == 1027))
        .map(ToString::to_string)
        .collect();
    assert_eq!(on_1027.len(), 1, "{on_1027:#?}");
    assert!(on_1027[0].contains("U+200B, U+200B"), "{on_1027:?}");
}

#[test]
fn the_one_tbd_recordings_link_is_reported_once() {
    let c = fixture();
    let tbd: Vec<String> = c
        .problems
        .iter()
        .filter(|p| p.message.contains("\"TBD\""))
        .map(ToString::to_string)
        .collect();
    assert_eq!(tbd.len(), 1, "{tbd:#?}");
    assert!(tbd[0].starts_with("sigs.yaml:345:"), "{tbd:?}");
}

#[test]
fn kubectl_is_a_repository_of_a_sig_cli_project() {
    let c = fixture();
    let cli = group(&c, "kubernetes-sig-cli");
    assert!(
        cli.projects
            .iter()
            .any(|p| p.repos.iter().any(|r| r == "kubernetes/kubectl")),
        "{:#?}",
        cli.projects
    );
}

#[test]
fn nearly_every_meeting_time_is_read_and_the_rest_are_summarized() {
    let c = fixture();
    let (mut group, mut all) = ((0, 0), (0, 0));
    for (g, written) in file(&c).groups.iter().zip(&c.written) {
        let mut seen = BTreeSet::new();
        for (m, pos) in g.meetings.iter().zip(&written.meetings) {
            if !seen.insert(*pos) {
                continue;
            }
            let read = usize::from(m.schedule.is_some());
            all = (all.0 + read, all.1 + 1);
            if m.projects.is_empty() {
                group = (group.0 + read, group.1 + 1);
            }
        }
    }
    assert!(
        group.0 * 100 >= group.1 * 95,
        "group meetings read: {group:?}"
    );
    assert!(all.0 * 100 >= all.1 * 95, "meetings read: {all:?}");
    let summary = format!(
        "sigs.yaml:1:1: warning: {} of {} meeting times could not be read; they are shown as published",
        all.1 - all.0,
        all.1
    );
    assert!(messages(&c).contains(&summary), "{summary}");
    let unreadable = messages(&c)
        .iter()
        .filter(|m| m.contains("can't read the time"))
        .count();
    assert_eq!(unreadable, all.1 - all.0);
}
