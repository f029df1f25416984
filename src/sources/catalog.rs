//! The registries townhall knows how to fetch, as each community publishes them. Every URL is
//! the file on its repository's default branch on GitHub's raw file host (`HEAD` resolves the
//! default branch, whatever it is called).

use crate::formats::Format;

/// One published registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub id: &'static str,
    pub community: &'static str,
    pub format: Format,
    /// `owner/name` on GitHub and the file's path in it, from which the URL is made.
    pub repo: &'static str,
    pub path: &'static str,
    pub homepage: &'static str,
    pub license: &'static str,
}

impl Entry {
    pub fn url(&self) -> String {
        format!(
            "https://raw.githubusercontent.com/{}/HEAD/{}",
            self.repo, self.path
        )
    }
}

pub const CATALOG: &[Entry] = &[
    Entry {
        id: "kubernetes",
        community: "kubernetes",
        format: Format::Kubernetes,
        repo: "kubernetes/community",
        path: "sigs.yaml",
        homepage: "https://github.com/kubernetes/community",
        license: "Apache-2.0",
    },
    Entry {
        id: "opentelemetry",
        community: "opentelemetry",
        format: Format::OpenTelemetry,
        repo: "open-telemetry/community",
        path: "workstreams.yml",
        homepage: "https://github.com/open-telemetry/community",
        license: "Apache-2.0",
    },
    Entry {
        id: "cncf-tags",
        community: "cncf",
        format: Format::CncfTags,
        repo: "cncf/toc",
        path: "tags.yaml",
        homepage: "https://github.com/cncf/toc",
        license: "CC-BY-4.0",
    },
    Entry {
        id: "cloudfoundry",
        community: "cloudfoundry",
        format: Format::CloudFoundry,
        repo: "cloudfoundry/community",
        path: "toc/working-groups/WORKING-GROUPS.md",
        homepage: "https://github.com/cloudfoundry/community",
        license: "Apache-2.0",
    },
    Entry {
        id: "kubevirt",
        community: "kubevirt",
        format: Format::Kubernetes,
        repo: "kubevirt/community",
        path: "sigs.yaml",
        homepage: "https://github.com/kubevirt/community",
        license: "Apache-2.0",
    },
    Entry {
        id: "kubeflow",
        community: "kubeflow",
        format: Format::Kubernetes,
        repo: "kubeflow/community",
        path: "wgs.yaml",
        homepage: "https://github.com/kubeflow/community",
        license: "Apache-2.0",
    },
];

/// A community's public calendar, as its iCalendar export: where meetings really happen,
/// week by week, with cancellations and moves (see `agenda::calendars`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarEntry {
    pub id: &'static str,
    pub community: &'static str,
    pub url: &'static str,
}

/// The calendars each community links as its own: Kubernetes' and OpenTelemetry's public
/// Google calendars, and the iCal export the Cloud Foundry seed points readers to.
pub const CALENDARS: &[CalendarEntry] = &[
    CalendarEntry {
        id: "kubernetes-calendar",
        community: "kubernetes",
        url: "https://calendar.google.com/calendar/ical/calendar%40kubernetes.io/public/basic.ics",
    },
    CalendarEntry {
        id: "opentelemetry-calendar",
        community: "opentelemetry",
        url: "https://calendar.google.com/calendar/ical/c_2bf73e3b6b530da4babd444e72b76a6ad893a5c3f43cf40467abc7a9a897f977%40group.calendar.google.com/public/basic.ics",
    },
    CalendarEntry {
        id: "cloudfoundry-calendar",
        community: "cloudfoundry",
        url: "https://calendar.google.com/calendar/ical/cloudfoundry.org_oedb0ilotg5udspdlv32a5vc78@group.calendar.google.com/public/basic.ics",
    },
];

pub fn find(id: &str) -> Option<&'static Entry> {
    CATALOG.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::builtin;

    #[test]
    fn every_entry_is_a_raw_file_on_its_default_branch() {
        for e in CATALOG {
            let url = url::Url::parse(&e.url()).unwrap();
            assert_eq!(
                url.host_str(),
                Some("raw.githubusercontent.com"),
                "{}",
                e.id
            );
            assert!(url.path().contains("/HEAD/"), "{}", e.id);
        }
    }

    #[test]
    fn every_calendar_is_a_public_ics_export_of_a_community_with_a_registry() {
        for c in CALENDARS {
            let url = url::Url::parse(c.url).unwrap();
            assert_eq!(url.scheme(), "https", "{}", c.id);
            assert!(url.path().ends_with("/public/basic.ics"), "{}", c.id);
            assert!(
                CATALOG.iter().any(|e| e.community == c.community),
                "{}",
                c.id
            );
            assert!(find(c.id).is_none(), "{} is also a registry id", c.id);
        }
    }

    #[test]
    fn every_built_in_snapshot_names_a_catalog_source() {
        for file in builtin::FILES {
            if let Some(id) = file.source {
                assert!(find(id).is_some(), "{} names {id}", file.name);
            }
        }
    }
}
