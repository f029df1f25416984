//! Subprojects: which repositories their OWNERS links make theirs, and which one they link.

use super::*;

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
    let yaml = "\
sigs:
  - dir: sig-node
    name: Node
    subprojects:
      - name: kubelet
        owners:
          - https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/OWNERS
      - name: linter
        owners:
          - https://raw.githubusercontent.com/kubernetes-sigs/kube-api-linter/refs/heads/main/OWNERS
          - https://gitlab.com/x/y/-/blob/main/OWNERS
";
    let c = read(yaml, &kubernetes());
    let projects = &group(&c, "kubernetes-sig-node").projects;
    assert!(projects[0].repos.is_empty(), "{projects:?}");
    assert_eq!(projects[0].url, None);
    assert_eq!(projects[0].owners.len(), 1);
    assert_eq!(projects[1].repos, ["kubernetes-sigs/kube-api-linter"]);
    assert_eq!(projects[1].owners.len(), 2, "kept as published");
    assert_eq!(
        messages(&c),
        [
            "sigs.yaml:11:13: warning: https://gitlab.com/x/y/-/blob/main/OWNERS is not a link to an OWNERS file on GitHub; townhall can't tell which code it covers"
        ]
    );
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
fn subproject_meetings_name_their_project_and_its_chat_joins_the_group() {
    let yaml = "\
sigs:
  - dir: sig-docs
    name: Docs
    contact: {slack: sig-docs}
    subprojects:
      - name: localization
        contact: {slack: sig-docs, mailing_list: 'https://groups.google.com/g/l10n'}
        owners: []
        meetings:
          - {day: Tuesday, time: '9:00', tz: UTC, frequency: weekly, archive_url: notes.md}
";
    let c = read(yaml, &kubernetes());
    let g = group(&c, "kubernetes-sig-docs");
    let m = &g.meetings[0];
    assert_eq!(m.projects, ["localization"]);
    assert_eq!(m.title, "localization meeting");
    assert_eq!(
        m.notes.as_deref(),
        Some("https://github.com/kubernetes/community/blob/master/sig-docs/notes.md")
    );
    assert!(m.schedule.is_some(), "{m:?}");
    assert_eq!(g.chat.len(), 1, "one channel, listed once");
    assert_eq!(g.mailing_lists[0].title, "l10n (Google Groups)");
    let at = crate::yaml::node::Pos {
        line: 10,
        column: 14,
    };
    assert_eq!(c.written[0].meetings, [at], "the meeting's own mapping");
    assert!(c.problems.is_empty(), "{:?}", messages(&c));
}
