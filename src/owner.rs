//! Which group owns a repository, or a folder in one.
//!
//! Cloud Foundry charters list whole repositories; Kubernetes subprojects name OWNERS files,
//! which may sit at a repository's root (the subproject owns it all) or in a folder of a
//! shared repository such as kubernetes/kubernetes. A question about a path is answered by
//! the deepest OWNERS folder above it, the way OWNERS files themselves are resolved.

use std::fmt;

use crate::model::{Group, Project, Registry};

/// A repository, and optionally a folder in it, as the user asked about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepoPath {
    /// `owner/name`, as written (GitHub names are case-insensitive; comparisons ignore case).
    pub repo: String,
    /// A folder or file inside the repository, without leading or trailing `/`.
    pub path: Option<String>,
}

impl fmt::Display for RepoPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "{}/{path}", self.repo),
            None => f.write_str(&self.repo),
        }
    }
}

impl RepoPath {
    /// Reads `owner/name[/path]` or a GitHub link: `https://github.com/o/r/tree/main/pkg`,
    /// a `raw.githubusercontent.com` OWNERS link, or a clone URL ending in `.git`.
    pub fn parse(input: &str) -> Result<RepoPath, String> {
        let trimmed = input.trim();
        let rest = match trimmed.split_once("://") {
            Some((_, rest)) => rest,
            None => trimmed,
        };
        let rest = rest.strip_prefix("git@github.com:").unwrap_or(rest);
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let mut parts: Vec<&str> = rest.split('/').filter(|p| !p.is_empty()).collect();
        let raw = match parts.first().map(|h| h.to_ascii_lowercase()) {
            Some(h) if h == "github.com" || h == "www.github.com" => {
                parts.remove(0);
                false
            }
            Some(h) if h == "raw.githubusercontent.com" => {
                parts.remove(0);
                true
            }
            Some(h) if h.contains('.') => {
                return Err(format!(
                    "{trimmed:?} is not a GitHub repository (expected OWNER/REPO or a github.com link)"
                ));
            }
            _ => false,
        };
        if parts.len() < 2 {
            return Err(format!("{trimmed:?} is not OWNER/REPO"));
        }
        let owner = parts[0];
        let name = parts[1].trim_end_matches(".git");
        let valid = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        };
        if !valid(owner) || !valid(name) {
            return Err(format!("{trimmed:?} is not OWNER/REPO"));
        }
        let mut folder = &parts[2..];
        // github.com/o/r/tree/<branch>/... and /blob/<branch>/...; raw links start with the
        // branch, which may be `refs/heads/<branch>`.
        if !raw && matches!(folder.first(), Some(&"tree" | &"blob")) {
            folder = &folder[1..];
            folder = skip_branch(folder);
        } else if raw {
            folder = skip_branch(folder);
        }
        let path = folder.join("/");
        Ok(RepoPath {
            repo: format!("{owner}/{name}"),
            path: (!path.is_empty()).then_some(path),
        })
    }

    /// The folder an OWNERS link governs: the link without its file name.
    pub fn of_owners_file(url: &str) -> Option<RepoPath> {
        let mut found = RepoPath::parse(url).ok()?;
        found.path = found
            .path
            .and_then(|p| p.rsplit_once('/').map(|(folder, _file)| folder.to_string()));
        Some(found)
    }

    fn same_repo(&self, repo: &str) -> bool {
        self.repo.eq_ignore_ascii_case(repo)
    }
}

/// The folders a project's OWNERS files give it inside repositories it doesn't own whole,
/// as `owner/name/folder`, for showing next to its repositories.
pub fn folders(project: &Project) -> Vec<String> {
    let mut folders: Vec<String> = project
        .owners
        .iter()
        .filter_map(|url| RepoPath::of_owners_file(url))
        .filter(|o| o.path.is_some())
        .map(|o| o.to_string())
        .collect();
    folders.dedup();
    folders
}

fn skip_branch<'a>(parts: &'a [&'a str]) -> &'a [&'a str] {
    match parts {
        ["refs", "heads", _, rest @ ..] => rest,
        [_, rest @ ..] => rest,
        [] => parts,
    }
}

/// Why a project counts as an owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The project lists the whole repository.
    Repository,
    /// An OWNERS file of the project sits in this folder (None: the repository's root).
    Folder(Option<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Owner<'r> {
    pub group: &'r Group,
    pub project: &'r Project,
    pub claim: Claim,
}

/// Who owns `asked`, best answer first.
///
/// For a repository alone: the projects listing it, and those with an OWNERS file at its
/// root; if there are none, every project owning a folder in it, so "kubernetes/kubernetes"
/// lists the SIGs that share it. For a path: the projects whose OWNERS folder is the deepest
/// one above the path, falling back to the repository's owners.
pub fn find<'r>(registry: &'r Registry, asked: &RepoPath) -> Vec<Owner<'r>> {
    let mut whole = Vec::new();
    let mut folders: Vec<(Owner<'r>, usize)> = Vec::new();
    for group in &registry.groups {
        for project in &group.projects {
            if project.repos.iter().any(|r| asked.same_repo(r)) {
                whole.push(Owner {
                    group,
                    project,
                    claim: Claim::Repository,
                });
                continue;
            }
            let best = project
                .owners
                .iter()
                .filter_map(|url| RepoPath::of_owners_file(url))
                .filter(|o| asked.same_repo(&o.repo))
                .filter(|o| governs(o.path.as_deref(), asked.path.as_deref()))
                .max_by_key(|o| depth(o.path.as_deref()));
            if let Some(found) = best {
                let depth = depth(found.path.as_deref());
                let claim = match found.path {
                    None => Claim::Folder(None),
                    Some(p) => Claim::Folder(Some(p)),
                };
                folders.push((
                    Owner {
                        group,
                        project,
                        claim,
                    },
                    depth,
                ));
            }
        }
    }
    // Live groups first: a dissolved group's old charter may still list the repository.
    whole.sort_by_key(|o| o.group.status.is_gone());
    folders.sort_by_key(|(o, _)| o.group.status.is_gone());
    let deepest = folders.iter().map(|(_, d)| *d).max().unwrap_or(0);
    match &asked.path {
        // A path: the deepest OWNERS folder above it decides, as in OWNERS resolution.
        Some(_) if deepest > 0 => folders
            .into_iter()
            .filter(|(_, d)| *d == deepest)
            .map(|(o, _)| o)
            .collect(),
        _ => {
            let (root, inner): (Vec<_>, Vec<_>) = folders
                .into_iter()
                .partition(|(o, _)| o.claim == Claim::Folder(None));
            whole.extend(root.into_iter().map(|(o, _)| o));
            if whole.is_empty() {
                let mut inner = inner;
                inner.sort_by(|(a, _), (b, _)| folder(a).cmp(folder(b)));
                whole.extend(inner.into_iter().map(|(o, _)| o));
            }
            whole
        }
    }
}

fn folder<'a>(o: &'a Owner) -> &'a str {
    match &o.claim {
        Claim::Folder(Some(p)) => p,
        _ => "",
    }
}

/// Whether an OWNERS file in `folder` covers `path` (everything, when no path was asked).
fn governs(folder: Option<&str>, path: Option<&str>) -> bool {
    match (folder, path) {
        (None, _) | (Some(_), None) => true,
        (Some(f), Some(p)) => p == f || p.starts_with(&format!("{f}/")),
    }
}

fn depth(folder: Option<&str>) -> usize {
    folder.map_or(0, |f| f.split('/').count())
}

#[cfg(test)]
mod tests;
