//! Hand-written files, each showing one thing a real sigs.yaml (or a copy of the format)
//! does; the bundled Kubernetes file is read in `fixture`.

mod fixture;
mod untidy;

use crate::formats::{Converted, Format, Origin, convert};
use crate::registry::node::parse;
use crate::registry::{CommunityFile, Group, GroupKind, LinkKind};

fn read(yaml: &str, origin: &Origin) -> Converted {
    read_named("sigs.yaml", yaml, origin)
}

fn read_named(file: &str, yaml: &str, origin: &Origin) -> Converted {
    let root = parse(yaml).expect("test YAML parses");
    convert(Format::Kubernetes, file, &root, origin)
}

fn kubernetes() -> Origin {
    Origin {
        repo: Some("kubernetes/community".into()),
        path: Some("sigs.yaml".into()),
        commit: Some("24e7d8f".into()),
        license: Some("Apache-2.0".into()),
    }
}

fn messages(c: &Converted) -> Vec<String> {
    c.problems.iter().map(ToString::to_string).collect()
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
            "pwittrock @pwittrock — emeritus lead",
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
fn an_owners_file_at_a_repository_root_gives_the_repository_but_a_folder_does_not() {
    let c = read(SIG_CLI, &kubernetes());
    let g = group(&c, "kubernetes-sig-cli");
    let kubectl = &g.projects[0];
    assert_eq!(kubectl.name, "kubectl");
    assert_eq!(kubectl.repos, ["kubernetes/kubectl"]);
    assert_eq!(kubectl.owners.len(), 2);
    assert!(kubectl.owners[1].ends_with("/pkg/kubectl/OWNERS"));
    assert_eq!(
        kubectl.url.as_deref(),
        Some("https://github.com/kubernetes/kubectl")
    );
    let kustomize = &g.projects[1];
    assert_eq!(kustomize.repos, ["kubernetes-sigs/kustomize"]);
    let folder_only = "sigs:\n  - dir: sig-node\n    name: Node\n    subprojects:\n      - name: kubelet\n        owners:\n          - https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/OWNERS\n";
    let c = read(folder_only, &kubernetes());
    let kubelet = &group(&c, "kubernetes-sig-node").projects[0];
    assert!(kubelet.repos.is_empty(), "{kubelet:?}");
    assert_eq!(kubelet.url, None);
    assert_eq!(kubelet.owners.len(), 1);
}

#[test]
fn a_project_links_the_repository_named_after_it_else_the_first() {
    let yaml = "sigs:\n  - dir: sig-x\n    name: X\n    subprojects:\n      - name: component-base\n        owners:\n          - https://raw.githubusercontent.com/kubernetes-sigs/legacyflag/master/OWNERS\n          - https://raw.githubusercontent.com/kubernetes/component-base/master/OWNERS\n          - https://raw.githubusercontent.com/kubernetes/component-base/master/OWNERS\n      - name: misc\n        owners:\n          - https://raw.githubusercontent.com/kubernetes/b/main/OWNERS\n          - https://raw.githubusercontent.com/kubernetes/a/main/OWNERS\n";
    let c = read(yaml, &kubernetes());
    let projects = &group(&c, "kubernetes-sig-x").projects;
    assert_eq!(
        projects[0].repos,
        ["kubernetes-sigs/legacyflag", "kubernetes/component-base"]
    );
    assert_eq!(
        projects[0].url.as_deref(),
        Some("https://github.com/kubernetes/component-base")
    );
    assert_eq!(projects[1].repos, ["kubernetes/a", "kubernetes/b"]);
    assert_eq!(
        projects[1].url.as_deref(),
        Some("https://github.com/kubernetes/b")
    );
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
