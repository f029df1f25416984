use super::*;
use crate::calendar::matching::{By, Matched, Matches, match_series};
use crate::model::Registry;
use crate::registry::{self, Sources};

fn builtin() -> Registry {
    registry::load(&Sources::builtin_only()).registry
}

fn matched(calendar: &Calendar, registry: &Registry, community: &str) -> Matches {
    match_series(calendar, 0..calendar.series.len(), registry, community)
}

/// What the series with this title became: (group id, meeting title) or the group alone.
fn outcome(
    cal: &Calendar,
    r: &Registry,
    m: &Matches,
    title: &str,
) -> (Option<String>, Option<String>, Option<By>) {
    let (_, found) = m
        .series
        .iter()
        .find(|(s, _)| cal.series[*s].title() == title)
        .unwrap_or_else(|| panic!("no series `{title}`"));
    match *found {
        Matched::Meeting { group, meeting, by } => (
            Some(r.groups[group].id.clone()),
            Some(r.groups[group].meetings[meeting].title.clone()),
            Some(by),
        ),
        Matched::Group { group } => (Some(r.groups[group].id.clone()), None, None),
        Matched::Unmatched => (None, None, None),
    }
}

fn meeting(group: &str, title: &str, by: By) -> (Option<String>, Option<String>, Option<By>) {
    (Some(group.into()), Some(title.into()), Some(by))
}

#[test]
fn kubernetes_series_find_their_meetings_by_the_zoom_id_first() {
    let r = builtin();
    let k8s = fixture("kubernetes.ics");
    let m = matched(&k8s, &r, "kubernetes");
    let o = |t: &str| outcome(&k8s, &r, &m, t);
    // The link is only in the HTML description; the titles share no word beyond the group.
    assert_eq!(
        o("SIG Architecture Bi-Weekly Meeting"),
        meeting(
            "kubernetes-sig-architecture",
            "Regular SIG Meeting",
            By::Call
        )
    );
    assert_eq!(
        o("Kubernetes SIG Node Weekly Meeting"),
        meeting("kubernetes-sig-node", "Main SIG Meeting", By::Call)
    );
    // In Asia/Shanghai in the calendar, 09:00 Berlin in sigs.yaml: the call says it's the same.
    assert_eq!(
        o("WG Device Management (Asia/Europe)"),
        meeting(
            "kubernetes-wg-device-management",
            "Regular WG Meeting (Asia/Europe)",
            By::Call
        )
    );
    // The old weekly series has no link at all: the title names the SIG, nothing else.
    assert_eq!(
        o("SIG Architecture Weekly Meeting"),
        meeting(
            "kubernetes-sig-architecture",
            "Regular SIG Meeting",
            By::Title
        )
    );
}

#[test]
fn a_group_without_such_a_meeting_gets_one_from_the_calendar_and_strays_are_counted() {
    let r = builtin();
    let k8s = fixture("kubernetes.ics");
    let m = matched(&k8s, &r, "kubernetes");
    assert_eq!(
        outcome(&k8s, &r, &m, "SIG Architecture: KEP Reading Club"),
        (Some("kubernetes-sig-architecture".into()), None, None)
    );
    assert_eq!(
        outcome(&k8s, &r, &m, "Contributor Summit planning"),
        (None, None, None)
    );
    let c = m.counts();
    assert_eq!(c.from_calendar, 1, "{c:?}");
    assert_eq!(
        c.unmatched, 2,
        "the summit planning call and Thanksgiving: {c:?}"
    );
    assert_eq!(
        c.by_call + c.by_title + c.from_calendar + c.unmatched,
        k8s.series.len()
    );
}

#[test]
fn one_zoom_room_for_several_meetings_is_told_apart_by_title_and_time() {
    // SIG Scheduling holds four meetings in one Zoom room.
    let r = builtin();
    let k8s = fixture("kubernetes.ics");
    let m = matched(&k8s, &r, "kubernetes");
    let scheduling: Vec<String> = m
        .series
        .iter()
        .filter_map(|(_, found)| match *found {
            Matched::Meeting { group, meeting, .. }
                if r.groups[group].id == "kubernetes-sig-scheduling" =>
            {
                Some(r.groups[group].meetings[meeting].title.clone())
            }
            _ => None,
        })
        .collect();
    let mut sorted = scheduling.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 4, "each meeting once: {scheduling:?}");
    assert_eq!(scheduling.len(), 4, "{scheduling:?}");
}

#[test]
fn opentelemetry_series_without_registry_links_match_by_title() {
    let r = builtin();
    let otel = fixture("opentelemetry.ics");
    let m = matched(&otel, &r, "opentelemetry");
    let c = m.counts();
    assert_eq!(c.by_call, 0, "the registry has no OpenTelemetry join links");
    assert_eq!(c.unmatched + c.from_calendar, 0, "{c:?}");
    let o = |t: &str| outcome(&otel, &r, &m, t);
    assert_eq!(
        o("OTel Collector SIG (Wednesday)").0.as_deref(),
        Some("otel-collector")
    );
    assert_eq!(
        o("OTel Java: SDK + Instrumentation SIG (Thursday)")
            .0
            .as_deref(),
        Some("otel-java-sdk-instrumentation")
    );
}

#[test]
fn another_communitys_groups_are_never_matched() {
    let r = builtin();
    let k8s = fixture("kubernetes.ics");
    let m = matched(&k8s, &r, "opentelemetry");
    assert!(m.series.iter().all(|(_, found)| match found {
        Matched::Meeting { group, .. } | Matched::Group { group } =>
            r.groups[*group].community == "opentelemetry",
        Matched::Unmatched => true,
    }));
}
