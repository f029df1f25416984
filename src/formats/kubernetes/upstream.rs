//! What a sigs.yaml doesn't say about itself: which community it describes, which
//! repository holds the group folders its relative links point into, and which Slack
//! workspace its channel names belong to.

use std::collections::BTreeMap;
use std::path::Path;

use super::KINDS;
use crate::formats::Origin;
use crate::model::Source;
use crate::owner::RepoPath;
use crate::yaml::node::Node;

/// Org suffixes a community uses for its satellite GitHub orgs (`kubernetes-sigs`,
/// `kubernetes-csi`), so they count as the community itself when telling it from OWNERS links.
const ORG_SUFFIXES: &[&str] = &[
    "-sigs",
    "-client",
    "-csi",
    "-incubator",
    "-retired",
    "-contrib",
];

/// How the communities known to publish a sigs.yaml spell their own names.
const KNOWN_NAMES: &[(&str, &str)] = &[
    ("kubernetes", "Kubernetes"),
    ("kubevirt", "KubeVirt"),
    ("cilium", "Cilium"),
    ("operator-framework", "Operator Framework"),
];

/// The one community whose file is known to live in `<community>/community` on `master`
/// and whose channels are on a Slack workspace named after it.
const KUBERNETES: &str = "kubernetes";

#[derive(Debug, Clone)]
pub(super) struct Upstream {
    pub community: String,
    pub name: String,
    /// `owner/name` of the repository holding the group folders, when known.
    pub repo: Option<String>,
    branch: &'static str,
    /// Where the file sits in the repository (`""` at its root, else `folder/`): group
    /// folders are beside it.
    beside: String,
    /// The Slack workspace the channel names are on, when known.
    pub slack: Option<&'static str>,
    origin: Origin,
    /// The file as the group sources name it ("sig-cli in sigs.yaml").
    file_name: String,
    /// Each SIG's name and folder, so a working group's stakeholder SIGs can be linked.
    sig_dirs: Vec<(String, String)>,
}

impl Upstream {
    pub fn new(root: &Node, origin: &Origin, file: &str) -> Upstream {
        let community = community_id(root, origin, file);
        let repo = origin
            .repo
            .as_deref()
            .map(|r| r.trim().trim_matches('/').to_string())
            .filter(|r| !r.is_empty())
            .or_else(|| (community == KUBERNETES).then(|| format!("{KUBERNETES}/community")));
        // kubernetes/community still calls its default branch `master`; for any other
        // repository `HEAD` reaches the default branch whatever it is called.
        let branch = if repo.as_deref() == Some("kubernetes/community") {
            "master"
        } else {
            "HEAD"
        };
        let file_name = origin.path.as_deref().unwrap_or(file);
        let beside = origin
            .path
            .as_deref()
            .and_then(|p| p.trim_matches('/').rsplit_once('/'))
            .map(|(folder, _)| format!("{folder}/"))
            .unwrap_or_default();
        Upstream {
            name: community_name(&community),
            slack: (community == KUBERNETES).then_some("kubernetes.slack.com"),
            community,
            repo,
            branch,
            beside,
            origin: origin.clone(),
            file_name: base_name(file_name).to_string(),
            sig_dirs: sig_dirs(root),
        }
    }

    /// The GitHub page of a group's folder.
    pub fn folder(&self, dir: &str) -> Option<String> {
        let repo = self.repo.as_deref()?;
        Some(format!(
            "https://github.com/{repo}/tree/{}/{}{dir}",
            self.branch, self.beside
        ))
    }

    /// What a group's relative links (`charter_link: charter.md`) are relative to.
    pub fn base(&self, dir: &str) -> Option<String> {
        let repo = self.repo.as_deref()?;
        Some(format!(
            "https://github.com/{repo}/blob/{}/{}{dir}/",
            self.branch, self.beside
        ))
    }

    /// The folder of the SIG the file names `name`, as working groups name their stakeholders.
    pub fn sig_dir(&self, name: &str) -> Option<&str> {
        self.sig_dirs
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
            .map(|(_, d)| d.as_str())
    }

    /// Where a group was read from, for its `sources`.
    pub fn source(&self, dir: &str, file: &str) -> Source {
        let path = match &self.origin.path {
            Some(p) => Some(p.clone()),
            None if self.origin == Origin::default() => Some(file.to_string()),
            None => None,
        };
        Source {
            repo: self.origin.repo.clone(),
            path,
            commit: self.origin.commit.clone(),
            license: self.origin.license.clone(),
            url: None,
            note: Some(format!("{dir} in {}", self.file_name)),
        }
    }
}

/// The owner of the origin repository, else the org most OWNERS links point into, else the
/// file's own name: a file copied out of its repository still names its community's repos.
fn community_id(root: &Node, origin: &Origin, file: &str) -> String {
    if let Some((owner, _)) = origin
        .repo
        .as_deref()
        .and_then(|r| r.trim().split_once('/'))
        && !owner.is_empty()
    {
        return owner.to_ascii_lowercase();
    }
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for url in owners_urls(root) {
        if let Some((org, _)) = RepoPath::of_owners_file(url)
            .as_ref()
            .and_then(|owners| owners.repo.split_once('/'))
        {
            *counts.entry(community_of_org(org)).or_default() += 1;
        }
    }
    // BTreeMap iterates alphabetically and max_by_key keeps the last maximum, so the
    // reversed walk leaves the alphabetically first of equally frequent orgs.
    if let Some((org, _)) = counts.iter().rev().max_by_key(|(_, n)| **n) {
        return org.clone();
    }
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file);
    match slug(stem) {
        s if s.is_empty() => "community".to_string(),
        s => s,
    }
}

/// `kubernetes-sigs` → `kubernetes`.
fn community_of_org(org: &str) -> String {
    let org = org.to_ascii_lowercase();
    ORG_SUFFIXES
        .iter()
        .find_map(|s| org.strip_suffix(s).filter(|o| !o.is_empty()))
        .unwrap_or(&org)
        .to_string()
}

/// Every OWNERS link in the file, read without warnings: the groups' own reading warns.
fn owners_urls(root: &Node) -> impl Iterator<Item = &str> {
    KINDS
        .iter()
        .filter_map(|k| seq(root.get(k.key)?))
        .flatten()
        .filter_map(|group| seq(group.get("subprojects")?))
        .flatten()
        .filter_map(|project| seq(project.get("owners")?))
        .flatten()
        .filter_map(Node::as_str)
}

fn seq(node: &Node) -> Option<&[Node]> {
    match &node.value {
        crate::yaml::node::Value::Seq(items) => Some(items),
        _ => None,
    }
}

fn sig_dirs(root: &Node) -> Vec<(String, String)> {
    root.get("sigs")
        .and_then(seq)
        .unwrap_or_default()
        .iter()
        .filter_map(|sig| {
            let name = sig.get("name")?.as_str()?.trim();
            let dir = sig.get("dir")?.as_str()?.trim();
            Some((name.to_string(), dir.to_string()))
        })
        .collect()
}

/// The community's name as it spells it, else its id in title case (`open-foo` → `Open Foo`).
fn community_name(id: &str) -> String {
    if let Some((_, name)) = KNOWN_NAMES.iter().find(|(k, _)| *k == id) {
        return (*name).to_string();
    }
    id.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower case, with anything but letters and digits turned into single dashes, so a
/// name from a file or a folder can serve as part of an id.
pub(super) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}
