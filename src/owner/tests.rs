use super::*;
use crate::model::{Group, Project, Status};
use crate::registry::load::{Input, load_inputs};

fn repo(s: &str) -> RepoPath {
    RepoPath::parse(s).unwrap()
}

#[test]
fn repositories_are_read_from_names_and_github_links() {
    let cases = [
        ("cloudfoundry/uaa", "cloudfoundry/uaa", None),
        (
            "https://github.com/cloudfoundry/uaa",
            "cloudfoundry/uaa",
            None,
        ),
        (
            "github.com/kubernetes/kubectl.git",
            "kubernetes/kubectl",
            None,
        ),
        (
            "git@github.com:kubernetes/kubectl.git",
            "kubernetes/kubectl",
            None,
        ),
        (
            "https://github.com/kubernetes/kubernetes/tree/master/pkg/kubelet",
            "kubernetes/kubernetes",
            Some("pkg/kubelet"),
        ),
        (
            "https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/kubelet.go#L10",
            "kubernetes/kubernetes",
            Some("pkg/kubelet/kubelet.go"),
        ),
        (
            "kubernetes/kubernetes/pkg/kubelet/",
            "kubernetes/kubernetes",
            Some("pkg/kubelet"),
        ),
        (
            "https://raw.githubusercontent.com/kubernetes-sigs/kube-api-linter/refs/heads/main/OWNERS",
            "kubernetes-sigs/kube-api-linter",
            Some("OWNERS"),
        ),
    ];
    for (input, want_repo, want_path) in cases {
        let got = repo(input);
        assert_eq!(got.repo, want_repo, "{input}");
        assert_eq!(got.path.as_deref(), want_path, "{input}");
    }
}

#[test]
fn things_that_are_not_repositories_are_refused_by_name() {
    for bad in ["uaa", "https://gitlab.com/a/b", "a/b c", ""] {
        let err = RepoPath::parse(bad).unwrap_err();
        assert!(err.contains(&format!("{:?}", bad.trim())), "{err}");
    }
}

#[test]
fn an_owners_link_governs_its_folder() {
    let root = RepoPath::of_owners_file(
        "https://raw.githubusercontent.com/kubernetes/kubectl/master/OWNERS",
    )
    .unwrap();
    assert_eq!(
        (root.repo.as_str(), root.path),
        ("kubernetes/kubectl", None)
    );
    let inner = RepoPath::of_owners_file(
        "https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/OWNERS",
    )
    .unwrap();
    assert_eq!(inner.path.as_deref(), Some("pkg/kubelet"));
}

fn registry() -> Registry {
    let text = r#"
community: { id: ex, name: Ex }
groups:
  - id: fi
    name: Foundational Infrastructure
    projects:
      - { name: UAA, repos: [cloudfoundry/uaa] }
  - id: sm
    name: Service Management
    status: dissolved
    successor: fi
    projects:
      - { name: Old UAA, repos: [cloudfoundry/uaa] }
  - id: node
    name: SIG Node
    projects:
      - name: kubelet
        owners:
          - https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/OWNERS
  - id: cri
    name: SIG Node CRI
    projects:
      - name: cri-api
        owners:
          - https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/cri/OWNERS
  - id: cli
    name: SIG CLI
    projects:
      - name: kubectl
        repos: [kubernetes/kubectl]
        owners:
          - https://raw.githubusercontent.com/kubernetes/kubectl/master/OWNERS
          - https://raw.githubusercontent.com/kubernetes/kubernetes/master/staging/src/k8s.io/kubectl/OWNERS
"#;
    let loaded = load_inputs(&[Input::new("ex.yaml", text)]);
    assert!(!loaded.has_errors(), "{:?}", loaded.problems);
    loaded.registry
}

fn answer(registry: &Registry, asked: &str) -> Vec<(String, String, Claim)> {
    find(registry, &repo(asked))
        .into_iter()
        .map(|o| (o.group.id.clone(), o.project.name.clone(), o.claim))
        .collect()
}

#[test]
fn a_listed_repository_names_its_group_live_ones_first_and_ignoring_case() {
    let r = registry();
    assert_eq!(
        answer(&r, "CloudFoundry/UAA"),
        [
            ("fi".into(), "UAA".into(), Claim::Repository),
            ("sm".into(), "Old UAA".into(), Claim::Repository),
        ]
    );
    assert_eq!(r.group("sm").unwrap().status, Status::Dissolved);
}

#[test]
fn a_shared_repository_lists_every_folder_owner_and_a_path_picks_the_deepest() {
    let r = registry();
    let all = answer(&r, "kubernetes/kubernetes");
    let folders: Vec<_> = all
        .iter()
        .map(|(id, _, c)| (id.as_str(), c.clone()))
        .collect();
    assert_eq!(
        folders,
        [
            ("node", Claim::Folder(Some("pkg/kubelet".into()))),
            ("cri", Claim::Folder(Some("pkg/kubelet/cri".into()))),
            (
                "cli",
                Claim::Folder(Some("staging/src/k8s.io/kubectl".into()))
            ),
        ]
    );
    let deep = answer(&r, "kubernetes/kubernetes/pkg/kubelet/cri/remote");
    assert_eq!(
        deep.iter().map(|(id, ..)| id.as_str()).collect::<Vec<_>>(),
        ["cri"]
    );
    let kubelet = answer(
        &r,
        "https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/kubelet.go",
    );
    assert_eq!(
        kubelet
            .iter()
            .map(|(id, ..)| id.as_str())
            .collect::<Vec<_>>(),
        ["node"]
    );
    assert!(answer(&r, "kubernetes/kubernetes/cmd/kubeadm").is_empty());
}

#[test]
fn a_whole_repository_claim_is_reported_once_even_with_a_root_owners_file() {
    let r = registry();
    assert_eq!(
        answer(&r, "kubernetes/kubectl"),
        [("cli".into(), "kubectl".into(), Claim::Repository)]
    );
    assert!(answer(&r, "kubernetes/unknown").is_empty());
}

#[test]
fn a_projects_folders_leave_out_whole_repositories() {
    let r = registry();
    let cli = &r.group("cli").unwrap().projects[0];
    assert_eq!(
        folders(cli),
        ["kubernetes/kubernetes/staging/src/k8s.io/kubectl"]
    );
}

#[test]
fn groups_without_projects_own_nothing() {
    let g = Group {
        id: "x".into(),
        projects: vec![Project::default()],
        ..Group::default()
    };
    let r = Registry {
        groups: vec![g],
        ..Registry::default()
    };
    assert!(find(&r, &repo("a/b")).is_empty());
}
