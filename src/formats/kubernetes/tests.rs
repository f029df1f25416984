//! Hand-written files, each showing one thing a real sigs.yaml (or a copy of the format)
//! does; the bundled Kubernetes file is read in `fixture`.

mod fixture;
mod subprojects;
mod untidy;

use crate::formats::published::Schedule;
use crate::formats::testing::{messages, read_as};
use crate::formats::{Converted, Format, Origin};
use crate::model::{CommunityFile, Group, GroupKind, LinkKind, Meeting, ScheduleSpec};

fn read(yaml: &str, origin: &Origin) -> Converted {
    read_named("sigs.yaml", yaml, origin)
}

fn read_named(file: &str, yaml: &str, origin: &Origin) -> Converted {
    read_as(Format::Kubernetes, file, yaml, origin)
}

fn kubernetes() -> Origin {
    Origin {
        repo: Some("kubernetes/community".into()),
        path: Some("sigs.yaml".into()),
        commit: Some("24e7d8f".into()),
        license: Some("Apache-2.0".into()),
    }
}

fn file(c: &Converted) -> &CommunityFile {
    c.file.as_ref().expect("the file was read")
}

fn group<'c>(c: &'c Converted, id: &str) -> &'c Group {
    file(c)
        .groups
        .iter()
        .find(|g| g.id == id)
        .unwrap_or_else(|| panic!("no group {id}"))
}

const SIG_CLI: &str = "\
sigs:
  - dir: sig-cli
    name: CLI
    mission_statement: >
      Covers kubectl and related tools.

    charter_link: charter.md
    label: cli
    leadership:
      chairs:
        - github: eddiezane
          name: Eddie Zaneski
          company: Defense Unicorns
          email: eddiezane@example.org
      tech_leads:
        - github: eddiezane
          name: Eddie Zaneski
          company: Defense Unicorns
        - github: soltysh
          name: Maciej Szulik
      emeritus_leads:
        - github: pwittrock
    contact:
      slack: sig-cli
      mailing_list: https://groups.google.com/a/kubernetes.io/g/sig-cli
      private_mailing_list: sig-cli-leads@kubernetes.io
      teams:
        - name: sig-cli-bugs
          description: Bug Triage
        - name: sig-cli-misc
      liaison:
        github: mrbobbytables
        name: Bob Killen
    subprojects:
      - name: kubectl
        contact:
          slack: kubectl
        owners:
          - https://raw.githubusercontent.com/kubernetes/kubectl/master/OWNERS
          - https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubectl/OWNERS
      - name: kustomize
        leads:
          - github: koba1t
            name: Yugo Kobayashi
        owners:
          - https://github.com/kubernetes-sigs/kustomize/blob/master/OWNERS
gb_rep:
  github: someone
";

#[test]
fn a_sig_reads_with_its_people_contacts_and_links() {
    let c = read(SIG_CLI, &kubernetes());
    assert!(c.problems.is_empty(), "{:?}", messages(&c));
    assert_eq!(file(&c).community.id, "kubernetes");
    assert_eq!(file(&c).community.name, "Kubernetes");
    let g = group(&c, "kubernetes-sig-cli");
    assert_eq!(g.name, "SIG CLI");
    assert_eq!(g.kind, GroupKind::Sig);
    assert_eq!(
        g.mission.as_deref(),
        Some("Covers kubectl and related tools.")
    );
    let leads: Vec<String> = g.leads.iter().map(|l| l.summary()).collect();
    assert_eq!(
        leads,
        [
            "Eddie Zaneski @eddiezane — chair, technical lead, Defense Unicorns",
            "Maciej Szulik @soltysh — technical lead",
            "@pwittrock — emeritus lead",
            "Bob Killen @mrbobbytables — Steering Committee liaison",
            "Yugo Kobayashi @koba1t — kustomize subproject lead",
        ]
    );
    let chats: Vec<(&str, Option<&str>)> = g
        .chat
        .iter()
        .map(|c| (c.channel.as_str(), c.url.as_deref()))
        .collect();
    assert_eq!(
        chats,
        [
            (
                "#sig-cli",
                Some("https://kubernetes.slack.com/messages/sig-cli")
            ),
            (
                "#kubectl",
                Some("https://kubernetes.slack.com/messages/kubectl")
            ),
        ]
    );
    assert_eq!(g.chat[0].workspace.as_deref(), Some("kubernetes.slack.com"));
    let lists: Vec<(&str, &str)> = g
        .mailing_lists
        .iter()
        .map(|l| (l.title.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        lists,
        [
            (
                "sig-cli (Google Groups)",
                "https://groups.google.com/a/kubernetes.io/g/sig-cli"
            ),
            (
                "sig-cli-leads@kubernetes.io (private)",
                "mailto:sig-cli-leads@kubernetes.io"
            ),
        ]
    );
    let links: Vec<(LinkKind, &str, &str)> = g
        .links
        .iter()
        .map(|l| (l.kind, l.title.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            (
                LinkKind::Charter,
                "Charter",
                "https://github.com/kubernetes/community/blob/master/sig-cli/charter.md"
            ),
            (
                LinkKind::Docs,
                "SIG CLI README",
                "https://github.com/kubernetes/community/tree/master/sig-cli"
            ),
            (
                LinkKind::Other,
                "@kubernetes/sig-cli-bugs: Bug Triage",
                "https://github.com/orgs/kubernetes/teams/sig-cli-bugs"
            ),
            (
                LinkKind::Other,
                "@kubernetes/sig-cli-misc",
                "https://github.com/orgs/kubernetes/teams/sig-cli-misc"
            ),
        ]
    );
    let source = &g.sources[0];
    assert_eq!(source.repo.as_deref(), Some("kubernetes/community"));
    assert_eq!(source.commit.as_deref(), Some("24e7d8f"));
    assert_eq!(source.license.as_deref(), Some("Apache-2.0"));
    assert_eq!(source.note.as_deref(), Some("sig-cli in sigs.yaml"));
}

#[test]
fn committees_working_groups_and_user_groups_are_named_as_people_say_them() {
    let yaml = "\
sigs: []
workinggroups:
  - {dir: wg-batch, name: Batch}
usergroups:
  - {dir: ug-big-data, name: Big Data}
committees:
  - {dir: committee-steering, name: Steering}
  - {dir: committee-x, name: X Committee}
";
    let c = read(yaml, &kubernetes());
    let names: Vec<(&str, &str, GroupKind)> = file(&c)
        .groups
        .iter()
        .map(|g| (g.id.as_str(), g.name.as_str(), g.kind))
        .collect();
    assert_eq!(
        names,
        [
            ("kubernetes-wg-batch", "WG Batch", GroupKind::WorkingGroup),
            (
                "kubernetes-ug-big-data",
                "UG Big Data",
                GroupKind::UserGroup
            ),
            (
                "kubernetes-committee-steering",
                "Steering Committee",
                GroupKind::Committee
            ),
            (
                "kubernetes-committee-x",
                "X Committee",
                GroupKind::Committee
            ),
        ]
    );
    assert_eq!(c.written.len(), 4);
    assert_eq!(c.written[0].group.line, 3);
}

#[test]
fn a_name_that_already_says_its_kind_is_not_prefixed_again_and_loses_its_markup() {
    let yaml = "\
sigs:
  - {dir: sig-a, name: SIG Apps}
  - {dir: sig-b, name: Big Data SIG}
  - {dir: sig-c, name: \"Docs ([site](https://kubernetes.io/docs/))\"}
workinggroups:
  - {dir: wg-d, name: Device wg}
";
    let c = read(yaml, &kubernetes());
    let names: Vec<&str> = file(&c).groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(
        names,
        ["SIG Apps", "Big Data SIG", "SIG Docs (site)", "Device wg"]
    );
    let docs = group(&c, "kubernetes-sig-c");
    assert!(
        docs.links
            .iter()
            .any(|l| l.title == "site" && l.url == "https://kubernetes.io/docs/"),
        "{:?}",
        docs.links
    );
}

#[test]
fn working_groups_link_their_stakeholder_sigs_folders() {
    let yaml = "\
sigs:
  - {dir: sig-apps, name: Apps}
workinggroups:
  - dir: wg-batch
    name: Batch
    stakeholder_sigs: [Apps, Nodes]
";
    let c = read(yaml, &kubernetes());
    let links: Vec<(&str, &str)> = group(&c, "kubernetes-wg-batch")
        .links
        .iter()
        .filter(|l| l.title.starts_with("Stakeholder"))
        .map(|l| (l.title.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [(
            "Stakeholder SIG: Apps",
            "https://github.com/kubernetes/community/tree/master/sig-apps"
        )]
    );
    assert_eq!(
        messages(&c),
        [
            "sigs.yaml:6:30: warning: stakeholder SIG \"Nodes\" is not among this file's SIGs; not linked"
        ]
    );
}

#[test]
fn relative_charter_links_need_a_known_repository() {
    let yaml = "sigs:\n  - {dir: sig-a, name: A, charter_link: charter.md}\n";
    let with_origin = Origin {
        repo: Some("cilium/community".into()),
        ..Origin::default()
    };
    let c = read(yaml, &with_origin);
    let g = group(&c, "cilium-sig-a");
    assert_eq!(
        g.links[0].url,
        "https://github.com/cilium/community/blob/HEAD/sig-a/charter.md"
    );
    assert_eq!(
        g.links[1].url,
        "https://github.com/cilium/community/tree/HEAD/sig-a"
    );
    let in_a_folder = Origin {
        repo: Some("cilium/community".into()),
        path: Some("governance/sigs.yaml".into()),
        ..Origin::default()
    };
    let c = read(yaml, &in_a_folder);
    assert_eq!(
        group(&c, "cilium-sig-a").links[0].url,
        "https://github.com/cilium/community/blob/HEAD/governance/sig-a/charter.md"
    );
    let c = read(yaml, &Origin::default());
    let g = group(&c, "sigs-sig-a");
    assert!(g.links.is_empty(), "{:?}", g.links);
    let warnings = messages(&c);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("`charter_link`"), "{warnings:?}");
    assert!(warnings[0].contains("relative link"), "{warnings:?}");
}

#[test]
fn the_community_comes_from_the_origin_the_owners_orgs_or_the_file_name() {
    let owners = |orgs: &[&str]| {
        let urls: String = orgs
            .iter()
            .map(|o| format!("          - https://raw.githubusercontent.com/{o}/r/main/OWNERS\n"))
            .collect();
        format!(
            "sigs:\n  - dir: sig-a\n    name: A\n    subprojects:\n      - name: p\n        owners:\n{urls}"
        )
    };
    let cases = [
        (
            owners(&["kubevirt", "kubevirt-sigs"]),
            "kubevirt",
            "KubeVirt",
        ),
        (owners(&["b-org", "a-org"]), "a-org", "A Org"),
        (
            owners(&["operator-framework", "cilium", "operator-framework"]),
            "operator-framework",
            "Operator Framework",
        ),
        ("sigs: []\n".to_string(), "open-widgets", "Open Widgets"),
    ];
    for (yaml, id, name) in cases {
        let c = read_named("path/open-widgets.yaml", &yaml, &Origin::default());
        assert_eq!(file(&c).community.id, id, "{yaml}");
        assert_eq!(file(&c).community.name, name, "{yaml}");
    }
    let c = read(&owners(&["kubevirt"]), &kubernetes());
    assert_eq!(file(&c).community.id, "kubernetes");
}

#[test]
fn a_file_without_any_group_list_is_an_error() {
    let c = read("gb_rep: {name: x}\nsig: []\n", &Origin::default());
    assert!(c.file.is_none());
    assert_eq!(c.problems.len(), 1);
    assert!(c.problems[0].is_error());
    assert!(
        c.problems[0].message.contains("`sigs`"),
        "{:?}",
        messages(&c)
    );
}

#[test]
fn a_time_read_as_several_schedules_is_one_meeting_per_schedule() {
    let meeting = Meeting {
        title: "Office hours".into(),
        published: "Tuesday and Thursday 9:00 UTC, weekly".into(),
        join: Some("https://zoom.us/j/1".into()),
        ..Meeting::default()
    };
    let on = |day: &str| ScheduleSpec {
        on: vec![day.into()],
        at: "09:00".into(),
        zone: "UTC".into(),
        ..ScheduleSpec::default()
    };
    let split = super::meetings::one_per_schedule(
        meeting.clone(),
        vec![Schedule::of(on("tuesday")), Schedule::of(on("thursday"))],
    );
    assert_eq!(split.len(), 2);
    assert_eq!(
        split[1].schedule.as_ref().map(|s| s.on.clone()),
        Some(vec!["thursday".to_string()])
    );
    assert!(
        split
            .iter()
            .all(|m| m.title == "Office hours" && m.join == meeting.join)
    );
    assert_eq!(
        super::meetings::one_per_schedule(meeting.clone(), Vec::new()),
        [meeting]
    );
}
