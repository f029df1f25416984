//! Subprojects name their code by OWNERS files, linked either raw
//! (`https://raw.githubusercontent.com/<org>/<repo>/<branch>/<path>/OWNERS`) or as a GitHub
//! page (`https://github.com/<org>/<repo>/blob/<branch>/<path>/OWNERS`). An OWNERS file at a
//! repository's root makes the repository the subproject's; one in a folder
//! (`kubernetes/kubernetes/pkg/kubelet/OWNERS`) gives it only that folder.

/// Where one OWNERS link points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct OwnersFile {
    pub org: String,
    pub repo: String,
    /// The folder the OWNERS file governs, `""` at the repository root.
    pub folder: String,
}

impl OwnersFile {
    /// None for links that are neither form, or that stop before a path.
    pub fn parse(url: &str) -> Option<OwnersFile> {
        let url = url::Url::parse(url.trim()).ok()?;
        let mut segments = url.path_segments()?.filter(|s| !s.is_empty());
        let (org, repo) = (segments.next()?, segments.next()?);
        match url.host_str()? {
            "raw.githubusercontent.com" => {}
            "github.com" | "www.github.com" => {
                if !matches!(segments.next()?, "blob" | "tree") {
                    return None;
                }
            }
            _ => return None,
        }
        // A branch is one segment, or `refs/heads/<branch>` when copied from a ref.
        let mut rest: Vec<&str> = segments.collect();
        let branch_len = if rest.starts_with(&["refs", "heads"]) {
            3
        } else {
            1
        };
        if rest.len() <= branch_len {
            return None;
        }
        rest.drain(..branch_len);
        if rest.last() == Some(&"OWNERS") {
            rest.pop();
        }
        Some(OwnersFile {
            org: org.to_string(),
            repo: repo.to_string(),
            folder: rest.join("/"),
        })
    }

    pub fn is_root(&self) -> bool {
        self.folder.is_empty()
    }

    /// `owner/name`, as townhall names repositories.
    pub fn repository(&self) -> String {
        format!("{}/{}", self.org, self.repo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(url: &str) -> Option<(String, String)> {
        OwnersFile::parse(url).map(|o| (o.repository(), o.folder))
    }

    #[test]
    fn raw_and_page_links_name_the_repository_and_folder() {
        let cases = [
            (
                "https://raw.githubusercontent.com/kubernetes/kubectl/master/OWNERS",
                ("kubernetes/kubectl", ""),
            ),
            (
                "https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/OWNERS",
                ("kubernetes/kubernetes", "pkg/kubelet"),
            ),
            (
                "https://raw.githubusercontent.com/kubernetes-sigs/kube-api-linter/refs/heads/main/OWNERS",
                ("kubernetes-sigs/kube-api-linter", ""),
            ),
            (
                "https://github.com/kubernetes/website/blob/main/content/en/OWNERS",
                ("kubernetes/website", "content/en"),
            ),
            (
                "https://github.com/cilium/cilium/tree/main/Documentation",
                ("cilium/cilium", "Documentation"),
            ),
        ];
        for (url, (repo, folder)) in cases {
            assert_eq!(parsed(url), Some((repo.into(), folder.into())), "{url}");
        }
    }

    #[test]
    fn other_links_are_not_owners_files() {
        for url in [
            "https://github.com/kubernetes/kubectl",
            "https://raw.githubusercontent.com/kubernetes/kubectl/master",
            "https://gitlab.com/a/b/blob/main/OWNERS",
            "https://github.com/a/b/issues/1/OWNERS",
            "not a link",
        ] {
            assert_eq!(parsed(url), None, "{url}");
        }
    }
}
