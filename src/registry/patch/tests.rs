use crate::model::Registry;
use crate::registry::load::{Input, load_inputs};

const BASE: &str = "\
community:
  id: x
  name: X Foundation
  links:
    - { kind: calendar, title: Calendar, url: 'https://x.example/cal' }
groups:
  - id: x-runtime
    name: Runtime
    mission: Run apps.
    goals: [Fast, Safe]
    leads:
      - { name: Ada, github: ada }
    chat:
      - { channel: '#runtime' }
    meetings:
      - title: Weekly
        published: Thursdays at 10:00 UTC
        schedule: { every: week, on: [thursday], at: '10:00', zone: UTC }
        join: https://zoom.us/j/1
        notes: https://docs.x.example/notes
      - title: Office hours
        published: Fridays
        schedule: { every: week, on: [friday], at: '15:00', zone: UTC }
    projects:
      - { name: Runner, repos: [x/runner] }
";

fn load(patch: &str) -> (Registry, Vec<String>) {
    let loaded = load_inputs(&[Input::new("base.yaml", BASE), Input::new("fix.yaml", patch)]);
    let problems = loaded.problems.iter().map(|p| p.to_string()).collect();
    (loaded.registry, problems)
}

#[test]
fn a_patch_changes_what_it_writes_and_keeps_the_rest() {
    let (r, problems) = load(
        "community: { id: x }\n\
         groups:\n\
         \x20 - id: x-runtime\n\
         \x20   meetings:\n\
         \x20     - title: Weekly\n\
         \x20       join: https://zoom.us/j/2\n",
    );
    assert_eq!(problems, Vec::<String>::new());
    let g = r.group("x-runtime").unwrap();
    let (before, _) = load("community: { id: x }\n");
    let mut expected = before.group("x-runtime").unwrap().clone();
    expected.meetings[0].join = Some("https://zoom.us/j/2".into());
    assert_eq!(*g, expected, "only the join link differs");
    assert_eq!(r.communities[0].name, "X Foundation", "not renamed");
    assert_eq!(r.communities[0].links.len(), 1, "links kept");
    let origins = &r.origins["x-runtime"];
    assert_eq!(origins.of("meetings[0].join"), "fix.yaml");
    assert_eq!(origins.of("meetings[0].notes"), "base.yaml");
    assert_eq!(origins.of("mission"), "base.yaml");
}

#[test]
fn a_written_list_replaces_and_null_or_empty_removes() {
    let (r, problems) = load(
        "community: { id: x, name: X, links: [] }\n\
         groups:\n\
         \x20 - id: x-runtime\n\
         \x20   goals: [Simple]\n\
         \x20   mission: null\n\
         \x20   chat: []\n\
         \x20   meetings:\n\
         \x20     - title: Office hours\n\
         \x20       schedule: null\n\
         \x20     - title: Demo day\n\
         \x20       published: Monthly\n\
         \x20       schedule: { every: month, on: [last friday], at: '16:00', zone: UTC }\n",
    );
    assert_eq!(problems, Vec::<String>::new());
    let g = r.group("x-runtime").unwrap();
    assert_eq!(g.goals, ["Simple"]);
    assert_eq!(g.mission, None);
    assert!(g.chat.is_empty());
    assert_eq!(g.leads.len(), 1, "left out, kept");
    let titles: Vec<&str> = g.meetings.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["Weekly", "Office hours", "Demo day"]);
    assert_eq!(g.meetings[1].schedule, None);
    assert_eq!(g.meetings[1].rule(), None, "its checked rule goes too");
    assert!(
        g.meetings[2].rule().is_some(),
        "an added meeting is checked"
    );
    assert_eq!(r.communities[0].name, "X", "renamed when the file says so");
    assert!(r.communities[0].links.is_empty());
    assert_eq!(r.origins["x-runtime"].of("meetings[2].title"), "fix.yaml");
    assert_eq!(r.community_origins["x"].of("name"), "fix.yaml");
}

#[test]
fn a_meeting_id_renames_and_empty_meetings_remove_them_all() {
    let (r, _) = load(
        "community: { id: x }\n\
         groups:\n\
         \x20 - id: x-runtime\n\
         \x20   meetings:\n\
         \x20     - { id: Weekly, title: Weekly call }\n",
    );
    let g = r.group("x-runtime").unwrap();
    assert_eq!(g.meetings[0].title, "Weekly call");
    assert_eq!(g.meetings[0].join.as_deref(), Some("https://zoom.us/j/1"));
    assert_eq!(g.meetings.len(), 2);
    let (r, _) = load("community: { id: x }\ngroups:\n  - { id: x-runtime, meetings: [] }\n");
    assert!(r.group("x-runtime").unwrap().meetings.is_empty());
}

#[test]
fn what_a_patch_may_leave_out_a_new_group_or_meeting_must_have() {
    let (_, problems) = load(
        "community: { id: x }\n\
         groups:\n\
         \x20 - id: x-new\n\
         \x20 - id: x-runtime\n\
         \x20   meetings:\n\
         \x20     - { title: Weekly, join: 'https://zoom.us/j/3' }\n\
         \x20     - { title: Brand new }\n",
    );
    assert_eq!(
        problems,
        [
            "fix.yaml:3:5: missing key `name` (group name; only a patch of a loaded one may leave it out)",
            "fix.yaml:3:9: warning:  lists no meeting, so townhall can't say when it meets",
            "fix.yaml:3:9: warning:  lists no chat channel",
            "fix.yaml:7:11: missing key `published` (published meeting time; only a patch of a loaded one may leave it out)",
            "fix.yaml:7:11: warning: meeting has no `schedule`: townhall can show its time only as published, not when it next is",
        ]
    );
    let (_, problems) = load("community: { id: y }\ngroups: []\n");
    assert_eq!(
        problems,
        [
            "fix.yaml:1:14: missing key `name` (community name; only a patch of a loaded one may leave it out)"
        ]
    );
}

#[test]
fn a_users_patch_applies_over_a_synced_copy() {
    use crate::registry::load::{Sources, Synced, inputs};
    let synced = BASE.replace("Run apps.", "Run apps, fast.");
    let sources = Sources {
        synced: vec![Synced {
            source: "x".into(),
            input: Input::new("sources/x.yaml", synced),
        }],
        ..Sources::default()
    };
    let (mut inputs, _) = inputs(&sources);
    inputs.push(Input::new(
        "fix.yaml",
        "community: { id: x }\ngroups:\n  - id: x-runtime\n    meetings:\n      - { title: Weekly, join: 'https://zoom.us/j/9' }\n",
    ));
    let loaded = load_inputs(&inputs);
    let g = loaded.registry.group("x-runtime").unwrap();
    assert_eq!(g.mission.as_deref(), Some("Run apps, fast."));
    assert_eq!(g.meetings[0].join.as_deref(), Some("https://zoom.us/j/9"));
    let origins = &loaded.registry.origins["x-runtime"];
    assert_eq!(origins.of("mission"), "synced copy sources/x.yaml");
    assert_eq!(origins.of("meetings[0].join"), "fix.yaml");
}
