//! Registries other communities already publish, read into townhall's own model.
//!
//! Kubernetes' `sigs.yaml`, OpenTelemetry's `workstreams.yml` and the CNCF TOC's `tags.yaml`
//! were written for their own generators, not for townhall, so they are read leniently: every
//! field is optional, a value of the wrong shape is skipped with a warning, and unknown keys
//! are warnings rather than errors. Only a file townhall cannot read at all is an error.

pub mod cloudfoundry;
pub mod cncf_tags;
mod handles;
pub mod kubernetes;
mod leads;
mod lenient;
mod markup;
mod meeting_times;
mod one_line;
pub mod opentelemetry;
pub mod published;
pub mod same_call;
#[cfg(test)]
mod testing;

use std::fmt;
use std::str::FromStr;

use crate::model::{Chat, ChatKind, CommunityFile, Problem, Source};
use crate::yaml::node::{Node, Pos, Value};

pub use lenient::Reader;

/// A registry dialect townhall reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// townhall's own format (`community:` and `groups:`), read strictly.
    Townhall,
    /// `sigs.yaml` from kubernetes/community, also used by KubeVirt, Cilium and others.
    Kubernetes,
    /// `workstreams.yml` from open-telemetry/community.
    OpenTelemetry,
    /// `tags.yaml` from cncf/toc.
    CncfTags,
    /// Cloud Foundry's `WORKING-GROUPS.md` and the charter pages it links (Markdown).
    CloudFoundry,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Townhall,
        Format::Kubernetes,
        Format::OpenTelemetry,
        Format::CncfTags,
        Format::CloudFoundry,
    ];

    /// The name used by `--format` and `townhall import`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Townhall => "townhall",
            Format::Kubernetes => "kubernetes",
            Format::OpenTelemetry => "opentelemetry",
            Format::CncfTags => "cncf-tags",
            Format::CloudFoundry => "cloudfoundry",
        }
    }

    /// How messages describe a file of this format.
    pub fn description(self) -> &'static str {
        match self {
            Format::Townhall => "a townhall registry",
            Format::Kubernetes => "a Kubernetes-style sigs.yaml",
            Format::OpenTelemetry => "an OpenTelemetry workstreams.yml",
            Format::CncfTags => "a CNCF TOC tags.yaml",
            Format::CloudFoundry => "Cloud Foundry's working-group pages",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "unknown format {s:?} (expected one of: {})",
                    names.join(", ")
                )
            })
    }
}

/// Keys whose presence at the top of a file gives its format away.
const KUBERNETES_KEYS: &[&str] = &["sigs", "workinggroups", "usergroups", "committees"];
const CNCF_TAGS_KEYS: &[&str] = &["tags", "toc_subprojects"];

/// Tells the format from the file's shape, so users need not say it: the top-level keys of
/// the mapping formats, or a list of entries with `id` and workstream keys for OpenTelemetry.
/// Anything else is read as townhall's own format, whose strict checks then explain what is
/// wrong with it (a misspelled `comunity:` gets a "did you mean").
pub fn detect(root: &Node) -> Format {
    let has = |keys: &[&str]| keys.iter().any(|k| root.get(k).is_some());
    match &root.value {
        Value::Map(_) if has(&["community", "groups"]) => Format::Townhall,
        Value::Map(_) if has(KUBERNETES_KEYS) => Format::Kubernetes,
        Value::Map(_) if has(CNCF_TAGS_KEYS) => Format::CncfTags,
        Value::Seq(items) if items.first().is_some_and(is_workstream) => Format::OpenTelemetry,
        _ => Format::Townhall,
    }
}

fn is_workstream(n: &Node) -> bool {
    n.get("id").is_some()
        && ["kind", "people", "resources", "sigCategory", "parent"]
            .iter()
            .any(|k| n.get(k).is_some())
}

/// A channel on the CNCF Slack, where both the CNCF TAGs and OpenTelemetry chat (cncf/toc's
/// templates link channel ids there; OpenTelemetry's community README sends people there).
fn cloud_native_slack(channel: String, id: Option<String>) -> Chat {
    const WORKSPACE: &str = "cloud-native.slack.com";
    Chat {
        kind: ChatKind::Slack,
        channel,
        url: id
            .as_ref()
            .map(|id| format!("https://{WORKSPACE}/archives/{id}")),
        id,
        workspace: Some(WORKSPACE.into()),
    }
}

/// Where a foreign file came from, recorded as the community's source. `townhall import`
/// takes it from flags, so bundled conversions name their upstream commit and license.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Origin {
    pub repo: Option<String>,
    pub path: Option<String>,
    pub commit: Option<String>,
    pub license: Option<String>,
}

impl Origin {
    /// The community's source entry: the origin when known, else the file as it was named.
    pub fn source(&self, file: &str, format: Format) -> Source {
        let note = format!("Converted by townhall from {}.", format.description());
        if *self == Origin::default() {
            return Source {
                path: Some(file.to_string()),
                note: Some(note),
                ..Source::default()
            };
        }
        Source {
            repo: self.repo.clone(),
            path: self.path.clone(),
            commit: self.commit.clone(),
            license: self.license.clone(),
            url: None,
            note: Some(note),
        }
    }
}

/// Where a converted group and its meetings were written in the foreign file, so warnings
/// about them (see `registry::health`) can point there.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Written {
    pub group: Pos,
    /// One per meeting of the converted group, in order.
    pub meetings: Vec<Pos>,
}

/// A foreign file in townhall's model, with what reading it found.
#[derive(Debug, Default)]
pub struct Converted {
    pub file: Option<CommunityFile>,
    pub problems: Vec<Problem>,
    /// One per group of `file`, in order.
    pub written: Vec<Written>,
}

/// Reads a foreign file's parsed tree. `Format::Townhall` is not foreign: such files go
/// through `registry::validate`, so asking to convert one is answered with an error.
pub fn convert(format: Format, file: &str, root: &Node, origin: &Origin) -> Converted {
    let mut reader = Reader::new(file);
    let mut converted = match format {
        Format::Kubernetes => kubernetes::convert(reader, root, origin),
        Format::OpenTelemetry => opentelemetry::convert(reader, root, origin),
        Format::CncfTags => cncf_tags::convert(reader, root, origin),
        Format::CloudFoundry => {
            reader.error(
                root.pos,
                "Cloud Foundry's pages are Markdown, not YAML; read WORKING-GROUPS.md itself",
            );
            Converted {
                problems: reader.into_problems(),
                ..Converted::default()
            }
        }
        Format::Townhall => {
            reader.error(root.pos, "already in townhall's format; nothing to convert");
            Converted {
                problems: reader.into_problems(),
                ..Converted::default()
            }
        }
    };
    if let Some(f) = &mut converted.file {
        one_line::plain_names(f);
        if f.community.sources.is_empty() {
            f.community.sources.push(origin.source(file, format));
        }
    }
    converted.problems.sort_by_key(|p| p.pos);
    converted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::node::parse;

    #[test]
    fn formats_are_told_apart_by_their_top_level_shape() {
        let cases = [
            ("community: {id: x, name: X}\n", Format::Townhall),
            ("groups: []\n", Format::Townhall),
            ("comunity: {id: x}\n", Format::Townhall),
            ("sigs: []\n", Format::Kubernetes),
            ("committees:\n  - dir: steering\n", Format::Kubernetes),
            ("tags: []\n", Format::CncfTags),
            ("toc_subprojects: []\n", Format::CncfTags),
            ("- id: spec\n  kind: sig\n", Format::OpenTelemetry),
            ("- just\n- a list\n", Format::Townhall),
            ("hello\n", Format::Townhall),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(&parse(text).unwrap()), expected, "{text:?}");
        }
    }

    #[test]
    fn format_names_round_trip_and_unknown_ones_list_the_choices() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert_eq!("Kubernetes".parse::<Format>(), Ok(Format::Kubernetes));
        let err = "sigs".parse::<Format>().unwrap_err();
        assert!(
            err.contains("kubernetes, opentelemetry, cncf-tags, cloudfoundry"),
            "{err}"
        );
    }

    #[test]
    fn the_source_names_the_origin_or_else_the_file() {
        let plain = Origin::default().source("mine.yaml", Format::Kubernetes);
        assert_eq!(plain.path.as_deref(), Some("mine.yaml"));
        assert!(plain.note.unwrap().contains("sigs.yaml"));
        let origin = Origin {
            repo: Some("kubernetes/community".into()),
            path: Some("sigs.yaml".into()),
            commit: Some("24e7d8f".into()),
            license: Some("Apache-2.0".into()),
        };
        let s = origin.source("whatever", Format::Kubernetes);
        assert_eq!(s.repo.as_deref(), Some("kubernetes/community"));
        assert_eq!(s.commit.as_deref(), Some("24e7d8f"));
    }
}
