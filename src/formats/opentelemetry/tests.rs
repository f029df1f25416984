use crate::formats::testing::{groups, messages, read_as};
use crate::formats::{Converted, Format, Origin};
use crate::model::{Chat, ChatKind, Frequency, GroupKind, Lead, Link, LinkKind, Project};

mod fixture;
mod untidy;

fn read(yaml: &str) -> Converted {
    read_as(
        Format::OpenTelemetry,
        "workstreams.yml",
        yaml,
        &Origin::default(),
    )
}

fn lead(handle: &str, role: &str) -> Lead {
    Lead {
        name: handle.into(),
        role: Some(role.into()),
        company: None,
        github: Some(handle.into()),
    }
}

const SAMPLING: &str = "\
- id: spec-general
  kind: sig
  name: 'Specification: General'
  parent: none
- id: sampling
  kind: sig
  sigCategory: specification
  name: 'Specification: Sampling'
  parent: spec-general
  people:
  - gcLiaison: jpkrohling
  - tcSponsor:
      username: jmacd
      level: guiding
  - specSponsor: '@jpkrohling'
  resources:
  - meeting:
      schedule: Thursday at 08:00 PT
      calendarInviteGroup: calendar-spec-sampling
      gDocNotes: 1NqhCcePaj--L8CUIBWV6lblR0nUD8ai6AzkW9_YcEOg
  - slack:
      name: '#otel-sampling'
      id: C027DS6GZD3
  - repository: open-telemetry/opentelemetry-specification
  - roadmapProject: 133
  - githubDiscussion: https://github.com/open-telemetry/opentelemetry-js/discussions
";

#[test]
fn a_workstream_becomes_a_group_with_the_links_the_community_readme_builds() {
    let converted = read(SAMPLING);
    assert_eq!(messages(&converted), Vec::<String>::new());
    let file = converted.file.as_ref().unwrap();
    assert_eq!(
        (file.community.id.as_str(), file.community.name.as_str()),
        ("opentelemetry", "OpenTelemetry")
    );
    let g = &file.groups[1];
    assert_eq!(g.id, "otel-sampling");
    assert_eq!(g.name, "Specification: Sampling");
    assert_eq!(g.kind, GroupKind::Sig);
    assert_eq!(g.category.as_deref(), Some("specification"));
    assert_eq!(g.parent.as_deref(), Some("otel-spec-general"));
    assert_eq!(file.groups[0].parent, None);
    assert_eq!(
        g.leads,
        [
            lead("jpkrohling", "GC liaison and spec sponsor"),
            lead("jmacd", "TC sponsor (guiding)"),
        ]
    );
    assert_eq!(
        g.chat,
        [Chat {
            kind: ChatKind::Slack,
            channel: "#otel-sampling".into(),
            id: Some("C027DS6GZD3".into()),
            workspace: Some("cloud-native.slack.com".into()),
            url: Some("https://cloud-native.slack.com/archives/C027DS6GZD3".into()),
        }]
    );
    assert_eq!(
        g.projects,
        [Project {
            name: "opentelemetry-specification".into(),
            url: Some("https://github.com/open-telemetry/opentelemetry-specification".into()),
            repos: vec!["open-telemetry/opentelemetry-specification".into()],
            ..Project::default()
        }]
    );
    assert_eq!(
        g.links,
        [
            Link {
                kind: LinkKind::Other,
                title: "Roadmap project 133".into(),
                url: "https://github.com/orgs/open-telemetry/projects/133".into(),
            },
            Link {
                kind: LinkKind::Forum,
                title: "GitHub Discussions".into(),
                url: "https://github.com/open-telemetry/opentelemetry-js/discussions".into(),
            },
        ]
    );
    let m = &g.meetings[0];
    assert_eq!(m.title, "Specification: Sampling meeting");
    assert_eq!(m.published, "Thursday at 08:00 PT");
    assert_eq!(
        m.notes.as_deref(),
        Some("https://docs.google.com/document/d/1NqhCcePaj--L8CUIBWV6lblR0nUD8ai6AzkW9_YcEOg")
    );
    assert_eq!(
        m.calendar.as_deref(),
        Some("https://groups.google.com/a/opentelemetry.io/g/calendar-spec-sampling")
    );
    let spec = m.schedule.as_ref().expect("a schedule");
    assert_eq!(spec.every, Frequency::Week);
    assert_eq!(
        (spec.on.as_slice(), spec.at.as_str(), spec.zone.as_str()),
        (
            &["thursday".to_string()][..],
            "08:00",
            "America/Los_Angeles"
        )
    );
    let meeting_line = SAMPLING
        .lines()
        .position(|l| l.contains("- meeting:"))
        .unwrap()
        + 2;
    assert_eq!(converted.written[1].meetings.len(), 1);
    assert_eq!(converted.written[1].meetings[0].line, meeting_line);
    assert_eq!(converted.written[1].group.line, 5);
}

#[test]
fn alternating_times_are_one_meeting_each_with_the_same_links() {
    let yaml = "\
- id: js
  kind: sig
  name: JavaScript
  resources:
  - meeting:
      schedule: Alternating between Monday at 13:00 PT and Wednesday at 09:00 PT
      gDocNotes: abc
";
    let converted = read(yaml);
    let g = &groups(&converted)[0];
    let titles: Vec<&str> = g.meetings.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "JavaScript meeting (Monday)",
            "JavaScript meeting (Wednesday)"
        ]
    );
    assert!(g.meetings.iter().all(|m| m.schedule.is_some()
        && m.notes.as_deref() == Some("https://docs.google.com/document/d/abc")
        && m.published.starts_with("Alternating")));
    assert_eq!(converted.written[0].meetings.len(), 2);
    assert_eq!(
        messages(&converted),
        [
            "workstreams.yml:1:1: warning: 1 of 1 meeting times say how many weeks apart but not which weeks; every candidate week is shown as possible"
        ]
    );
}

#[test]
fn an_unreadable_time_is_shown_as_published_and_counted_at_the_top() {
    let yaml = "\
- id: a
  kind: sig
  name: A
  resources:
  - meeting:
      schedule: Monthly on a different day, at a different time (see Slack channel)
  - meeting:
      calendarInviteGroup: calendar-a@opentelemetry.io
- id: b
  kind: sig
  name: B
  resources:
  - meeting: {schedule: Tuesday at 10:00 PT}
";
    let converted = read(yaml);
    let a = &groups(&converted)[0];
    assert_eq!(a.meetings.len(), 2);
    assert_eq!(a.meetings[0].schedule, None);
    assert_eq!(
        a.meetings[0].published,
        "Monthly on a different day, at a different time (see Slack channel)"
    );
    assert_eq!(
        a.meetings[1].published,
        "Not published; see the calendar invites group"
    );
    assert_eq!(
        a.meetings[1].calendar.as_deref(),
        Some("https://groups.google.com/a/opentelemetry.io/g/calendar-a")
    );
    let m = messages(&converted);
    assert_eq!(m.len(), 3, "{m:#?}");
    assert_eq!(
        m[0],
        "workstreams.yml:1:1: warning: 1 of 2 meeting times could not be read; they are shown as published"
    );
    assert!(m[2].starts_with("workstreams.yml:6:17: warning: meeting time \"Monthly on a different day, at a different time (see Slack channel)\" can't be read ("), "{m:#?}");
    assert!(
        m[1].contains("1 of 3 meetings publish no day or time"),
        "{m:#?}"
    );
}

#[test]
fn parents_that_loop_are_cut_where_the_loop_is_found() {
    let yaml = "\
- {id: a, kind: sig, name: A, parent: b}
- {id: b, kind: sig, name: B, parent: a}
- {id: c, kind: sig, name: C, parent: c}
- {id: d, kind: sig, name: D, parent: b}
";
    let converted = read(yaml);
    let parents: Vec<Option<&str>> = groups(&converted)
        .iter()
        .map(|g| g.parent.as_deref())
        .collect();
    assert_eq!(parents, [None, Some("otel-a"), None, Some("otel-b")]);
    assert_eq!(
        messages(&converted),
        [
            "workstreams.yml:1:4: warning: workstream `a` is its own ancestor through `parent`; its parent is ignored",
            "workstreams.yml:3:39: warning: workstream `c` names itself as its parent; ignored",
        ]
    );
}

#[test]
fn collective_sponsorship_maintainer_teams_and_leads_are_kept() {
    let yaml = "\
- id: wg
  kind: working-group
  name: A working group
  tcSponsorship: collective
  people:
  - lead: trask
  - tcSponsor: {username: jmacd, level: leading}
  - maintainers: open-telemetry/java-maintainers
- id: other
  kind: sig
  name: Other
  tcSponsorship: rotating
";
    let converted = read(yaml);
    let g = &groups(&converted)[0];
    assert_eq!(g.kind, GroupKind::WorkingGroup);
    assert_eq!(g.category, None, "only SIGs default to specification");
    assert_eq!(
        g.leads,
        [
            lead("trask", "lead"),
            lead(
                "jmacd",
                "TC sponsor (leading; with the whole TC, collectively)"
            ),
        ]
    );
    assert_eq!(
        g.links,
        [Link {
            kind: LinkKind::Other,
            title: "Maintainers (@open-telemetry/java-maintainers)".into(),
            url: "https://github.com/orgs/open-telemetry/teams/java-maintainers".into(),
        }]
    );
    assert_eq!(
        messages(&converted),
        [
            "workstreams.yml:12:18: warning: unknown `tcSponsorship` \"rotating\" (townhall knows \"collective\"); ignored"
        ]
    );
}

#[test]
fn a_file_that_is_not_a_list_is_an_error() {
    let converted = read("workstreams:\n  - id: a\n");
    assert!(converted.file.is_none());
    assert_eq!(
        messages(&converted),
        [
            "workstreams.yml:1:1: an OpenTelemetry workstreams.yml is a list of workstreams, found a mapping"
        ]
    );
}
