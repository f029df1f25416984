//! Copies of the format as other projects keep them: missing keys, numbers and nulls where
//! text belongs, misspelled keys, stray characters in links, placeholders.

use super::*;

/// A KubeVirt-style file: no `dir` on one group, a short weekday, a 12-hour time, a
/// misspelled frequency, OWNERS links on github.com pages, and no word on where it lives.
const KUBEVIRT: &str = "\
sigs:
  - dir: sig-compute
    name: Compute
    charter_link: sig-compute/charter.md
    leadership:
      chairs:
        - github: vladikr
        - company: Red Hat
    meetings:
      - description: SIG Compute
        day: Thu
        time: 2:30 PM
        tz: CET
        frequency: bi-weeklyy
        url: https://zoom.us/j/1
      - description: SIG Compute (Pacific)
        day: Thu
        time: 2:30 PM
        tz: PT
        frequency: weekly
    contact:
      slack: sig-compute
    subprojects:
      - name: kubevirt
        owners:
          - https://github.com/kubevirt/kubevirt/blob/main/OWNERS
          - https://github.com/kubevirt-sigs/tools/blob/main/pkg/OWNERS
  - name: Storage
    meetings:
      - day: Monday
";

#[test]
fn an_untidy_copy_is_read_with_a_warning_for_each_thing_left_out() {
    let c = read_named("kubevirt/sigs.yaml", KUBEVIRT, &Origin::default());
    let community = &file(&c).community;
    assert_eq!(
        (community.id.as_str(), community.name.as_str()),
        ("kubevirt", "KubeVirt")
    );
    let compute = group(&c, "kubevirt-sig-compute");
    assert_eq!(compute.chat[0].channel, "#sig-compute");
    assert_eq!(compute.chat[0].workspace, None, "no workspace is guessed");
    assert_eq!(compute.chat[0].url, None);
    assert!(
        compute.links.is_empty(),
        "no repository, so no links: {:?}",
        compute.links
    );
    assert_eq!(compute.leads.len(), 1);
    assert_eq!(compute.leads[0].name, "vladikr");
    let meeting = &compute.meetings[0];
    assert_eq!(meeting.published, "Thu 2:30 PM CET, bi-weeklyy");
    assert_eq!(meeting.schedule, None);
    assert_eq!(meeting.join.as_deref(), Some("https://zoom.us/j/1"));
    let pacific = compute.meetings[1].schedule.as_ref().expect("readable");
    assert_eq!(
        (
            pacific.on.as_slice(),
            pacific.at.as_str(),
            pacific.zone.as_str()
        ),
        (
            &["thursday".to_string()][..],
            "14:30",
            "America/Los_Angeles"
        )
    );
    assert_eq!(compute.projects[0].repos, ["kubevirt/kubevirt"]);
    let storage = group(&c, "kubevirt-sig-storage");
    assert_eq!(storage.meetings[0].title, "SIG Storage meeting");
    assert_eq!(storage.meetings[0].published, "Monday");
    let warnings = messages(&c);
    let expected = [
        "kubevirt/sigs.yaml:1:1: warning: 2 of 3 meeting times could not be read; they are shown as published",
        "kubevirt/sigs.yaml:4:19: warning: `charter_link`",
        "kubevirt/sigs.yaml:8:11: warning: a person in `chairs` has neither `name` nor `github`; ignored",
        "kubevirt/sigs.yaml:10:9: warning: meeting \"SIG Compute\": townhall can't read the time \"Thu 2:30 PM CET, bi-weeklyy\" (\"bi-weeklyy\": not a frequency townhall reads); it is shown as published",
        "kubevirt/sigs.yaml:28:5: warning: a SIG without a `dir`; its folder is taken to be `sig-storage`",
        "kubevirt/sigs.yaml:30:9: warning: meeting \"SIG Storage meeting\": townhall can't read the time \"Monday\" (no time of day given)",
    ];
    assert_eq!(warnings.len(), expected.len(), "{warnings:#?}");
    for (warning, start) in warnings.iter().zip(expected) {
        assert!(
            warning.starts_with(start),
            "{warning}\ndoesn't start with\n{start}"
        );
    }
}

#[test]
fn numbers_and_nulls_read_as_text_or_nothing() {
    let yaml = "\
sigs:
  - dir: sig-123
    name: 123
    mission_statement:
    leadership:
      chairs:
        - {github: a, name: A, company: ~}
    meetings:
      - description:
        day: Tuesday
        time: 930
        tz: UTC
        frequency: weekly
";
    let c = read(yaml, &kubernetes());
    let g = group(&c, "kubernetes-sig-123");
    assert_eq!(g.name, "SIG 123");
    assert_eq!(g.mission, None);
    assert_eq!(g.leads[0].company, None);
    assert_eq!(g.meetings[0].title, "SIG 123 meeting");
    assert_eq!(g.meetings[0].published, "Tuesday 930 UTC, weekly");
    assert_eq!(
        g.meetings[0].schedule, None,
        "930 is not a time townhall reads"
    );
    assert_eq!(
        messages(&c),
        [
            "sigs.yaml:1:1: warning: 1 of 1 meeting times could not be read; they are shown as published",
            "sigs.yaml:9:9: warning: meeting \"SIG 123 meeting\": townhall can't read the time \"Tuesday 930 UTC, weekly\" (\"930\": not a time of day); it is shown as published",
        ]
    );
}

#[test]
fn a_list_where_text_belongs_is_left_out_with_its_position() {
    let yaml =
        "sigs:\n  - dir: sig-a\n    name: A\n    mission_statement:\n      - one\n      - two\n";
    let c = read(yaml, &kubernetes());
    assert_eq!(group(&c, "kubernetes-sig-a").mission, None);
    assert_eq!(
        messages(&c),
        ["sigs.yaml:5:7: warning: `mission_statement` should be text, found a list; ignored"]
    );
}

#[test]
fn unknown_keys_are_named_with_the_nearest_known_one_but_label_and_gb_rep_are_known() {
    let yaml = "\
sigs:
  - dir: sig-a
    name: A
    label: a
    mision_statement: x
    meetings:
      - {description: M, day: Monday, time: '9:00', tz: UTC, frequncy: weekly}
    subprojects:
      - {name: p, owners: [], repo: x}
comittees: []
gb_rep: {name: x}
";
    let c = read(yaml, &kubernetes());
    let warnings: Vec<String> = messages(&c)
        .into_iter()
        .filter(|m| m.contains("unknown key"))
        .collect();
    assert_eq!(
        warnings,
        [
            "sigs.yaml:5:5: warning: unknown key `mision_statement` in a SIG (did you mean `mission_statement`?); townhall ignores it",
            "sigs.yaml:7:62: warning: unknown key `frequncy` in a meeting (did you mean `frequency`?); townhall ignores it",
            "sigs.yaml:9:31: warning: unknown key `repo` in a subproject; townhall ignores it",
            "sigs.yaml:10:1: warning: unknown key `comittees` in a sigs.yaml (did you mean `committees`?); townhall ignores it",
        ]
    );
}

#[test]
fn zero_width_spaces_and_placeholders_in_meeting_links_are_cleaned_and_reported() {
    let yaml = "\
sigs:
  - dir: sig-a
    name: A
    meetings:
      - description: M
        url: \"\u{200B}\u{200B}https://zoom.us/j/508079177\"
        recordings_url: TBD
";
    let c = read(yaml, &kubernetes());
    let m = &group(&c, "kubernetes-sig-a").meetings[0];
    assert_eq!(m.join.as_deref(), Some("https://zoom.us/j/508079177"));
    assert!(m.recordings.is_empty());
    let warnings = messages(&c);
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "sigs.yaml:6:14: warning: `url` has stray invisible characters (U+200B, U+200B)"
        )),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|w| w
            == "sigs.yaml:7:25: warning: `recordings_url` is the placeholder \"TBD\", not a link; treated as absent"),
        "{warnings:#?}"
    );
}

#[test]
fn odd_contacts_are_read_where_they_can_be() {
    let yaml = "\
sigs:
  - dir: sig-a
    name: A
    contact:
      slack: https://kubevirt.slack.com/archives/sig-a
      mailing_list: https://groups.google.com/forum/#!forum/kubernetes-sig-a
      teams: [sig-a-reviews, {description: nameless}, 'not a team']
      liaison:
        - {github: x, name: X}
";
    let c = read(yaml, &kubernetes());
    let g = group(&c, "kubernetes-sig-a");
    assert_eq!(g.chat[0].channel, "#sig-a");
    assert_eq!(g.chat[0].workspace.as_deref(), Some("kubevirt.slack.com"));
    assert_eq!(g.mailing_lists[0].title, "kubernetes-sig-a (Google Groups)");
    let teams: Vec<&str> = g
        .links
        .iter()
        .filter(|l| l.title.starts_with('@'))
        .map(|l| l.title.as_str())
        .collect();
    assert_eq!(teams, ["@kubernetes/sig-a-reviews"]);
    assert_eq!(
        g.leads[0].role.as_deref(),
        Some("Steering Committee liaison")
    );
    assert_eq!(messages(&c).len(), 2, "{:#?}", messages(&c));
}

#[test]
fn a_folder_listed_twice_keeps_its_first_group() {
    let yaml = "sigs:\n  - {dir: sig-a, name: A}\n  - {dir: sig-a, name: B}\n";
    let c = read(yaml, &kubernetes());
    assert_eq!(file(&c).groups.len(), 1);
    assert_eq!(file(&c).groups[0].name, "SIG A");
    assert_eq!(
        messages(&c),
        [
            "sigs.yaml:3:6: warning: another group already has the id `kubernetes-sig-a` (the same `dir`); ignored"
        ]
    );
}
