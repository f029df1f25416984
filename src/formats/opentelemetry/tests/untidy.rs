//! Files as people write them: placeholders, typos, nulls and values of the wrong shape.

use super::{groups, lead, messages, read};
use crate::model::{Chat, ChatKind, GroupKind};

#[test]
fn placeholders_unknown_keys_and_unknown_parents_are_warned_about() {
    let yaml = "\
- id: semconv
  kind: sig
  name: Semantic Conventions
  parent: spec-general
  sigcategory: specification
  people:
  - gcLiaison: tbd
  - tcSponsor: {username: tbd, level: escalating}
  - tcSponsor: {username: arminru, level: tbd}
  - tcSponsor: {username: reyang, level: escalatin}
  - leads: someone
  - specSponsor: Ted Young
  resources:
  - slak: {name: '#otel-x', id: C1}
  - wiki: https://example.org/
- id: otep-1
  kind: enhancement
  name: An OTEP
- id: x
  kind: project
  name: X
";
    let converted = read(yaml);
    let g = &groups(&converted)[0];
    assert_eq!(g.parent, None);
    assert_eq!(
        g.category,
        Some("specification".into()),
        "absent means specification on a SIG"
    );
    assert_eq!(
        g.leads,
        [
            lead("arminru", "TC sponsor"),
            lead("reyang", "TC sponsor (escalatin)")
        ]
    );
    assert_eq!(groups(&converted)[1].kind, GroupKind::Other);
    assert_eq!(groups(&converted)[1].category, None);
    assert_eq!(groups(&converted)[2].kind, GroupKind::Other);
    let expected = [
        "4:11: warning: parent `spec-general` is not a workstream in this file; ignored",
        "5:3: warning: unknown key `sigcategory` in a workstream (did you mean `sigCategory`?); townhall ignores it",
        "7:16: warning: GC liaison is `tbd` (not assigned yet); no one is listed",
        "8:27: warning: TC sponsor is `tbd` (not assigned yet); no one is listed",
        "10:42: warning: unknown TC sponsorship level \"escalatin\" (expected escalating, guiding, leading or tbd); kept as written",
        "11:5: warning: unknown key `leads` in a `people` entry (did you mean `lead`?); townhall ignores it",
        "12:18: warning: `specSponsor` \"Ted Young\" is not a GitHub handle; ignored",
        "14:5: warning: unknown key `slak` in a `resources` entry (did you mean `slack`?); townhall ignores it",
        "15:5: warning: unknown key `wiki` in a `resources` entry; townhall ignores it",
        "20:9: warning: unknown workstream kind \"project\" (expected sig, working-group or enhancement); filed as \"other\"",
    ];
    let found: Vec<String> = messages(&converted)
        .into_iter()
        .filter(|m| !m.contains("meeting"))
        .map(|m| m.trim_start_matches("workstreams.yml:").to_string())
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn nulls_numbers_and_wrong_shapes_are_skipped_one_value_at_a_time() {
    let yaml = "\
- id: a
  kind: sig
  name:
  parent:
  sigCategory:
  people:
  resources:
  - repository: [open-telemetry/a, open-telemetry/b]
  - repository: opentelemetry-go
  - roadmapProject: soon
  - roadmapProject: 55
  - slack: '#otel-a'
  - slack: {name: otel-b, id: 'C1/../x'}
  - meeting:
  - just text
- just text
- kind: sig
  name: No id
- id: a
  kind: sig
  name: A again
- id: 'has space'
  kind: sig
";
    let converted = read(yaml);
    let gs = groups(&converted);
    assert_eq!(gs.len(), 1, "{gs:#?}");
    let a = &gs[0];
    assert_eq!(a.name, "a");
    assert_eq!(a.parent, None);
    assert_eq!(a.category, Some("specification".into()));
    assert!(a.projects.is_empty() && a.meetings.is_empty());
    assert_eq!(
        a.links.iter().map(|l| l.title.as_str()).collect::<Vec<_>>(),
        ["Roadmap project 55"]
    );
    assert_eq!(
        a.chat,
        [Chat {
            kind: ChatKind::Slack,
            channel: "#otel-b".into(),
            workspace: Some("cloud-native.slack.com".into()),
            ..Chat::default()
        }]
    );
    let expected = [
        "1:3: warning: workstream `a` has no name; its id is shown instead",
        "8:17: warning: `repository` should be text, found a list; ignored",
        "9:17: warning: `repository` \"opentelemetry-go\" is not a GitHub repository (`owner/name`); ignored",
        "10:21: warning: `roadmapProject` should be a project number, found \"soon\"; ignored",
        "12:12: warning: `slack` should be a mapping, found \"#otel-a\"; ignored",
        "13:31: warning: `id` \"C1/../x\" is not an id townhall can link to; ignored",
        "15:5: warning: a `resources` entry should be a kind and a value (`repository: owner/name`), found \"just text\"; skipped",
        "16:3: warning: a workstream should be a mapping, found \"just text\"; skipped",
        "17:3: warning: a workstream without an `id`; skipped",
        "19:7: warning: workstream id `a` is used twice; only the first is read",
        "22:7: warning: workstream id \"has space\" may only use letters, digits, `-`, `_` and `.`; skipped",
    ]
    .map(|m| format!("workstreams.yml:{m}"));
    assert_eq!(messages(&converted), expected);
}
