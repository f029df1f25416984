//! The registry compiled into the binary, so townhall works offline from any folder.
//! `cncf-tags`, `kubernetes`, `opentelemetry` and `cloudfoundry` are `townhall import` of the
//! registries those communities publish (see tests/bundled.rs); `cncf` and the Cloud Foundry
//! supplement are compiled by hand.

/// One built-in file.
#[derive(Debug, Clone, Copy)]
pub struct BuiltIn {
    /// The file as messages name it.
    pub name: &'static str,
    pub text: &'static str,
    /// The catalog source this file is a snapshot of: a synced copy of that source replaces
    /// it (see `sources`).
    pub source: Option<&'static str>,
    /// Whether the file is a supplement (`registry::supplement`): added to the data loaded
    /// before it rather than replacing its groups.
    pub supplement: bool,
}

/// The built-in files, in load order: each supplement after the data it adds to.
pub const FILES: &[BuiltIn] = &[
    BuiltIn {
        name: "data/cncf.yaml (built in)",
        text: include_str!("../../data/cncf.yaml"),
        source: None,
        supplement: false,
    },
    BuiltIn {
        name: "data/cncf-tags.yaml (built in)",
        text: include_str!("../../data/cncf-tags.yaml"),
        source: Some("cncf-tags"),
        supplement: false,
    },
    BuiltIn {
        name: "data/cloudfoundry.yaml (built in)",
        text: include_str!("../../data/cloudfoundry.yaml"),
        source: Some("cloudfoundry"),
        supplement: false,
    },
    BuiltIn {
        name: "data/cloudfoundry-history.yaml (built in)",
        text: include_str!("../../data/cloudfoundry-history.yaml"),
        source: None,
        supplement: true,
    },
    BuiltIn {
        name: "data/kubernetes.yaml (built in)",
        text: include_str!("../../data/kubernetes.yaml"),
        source: Some("kubernetes"),
        supplement: false,
    },
    BuiltIn {
        name: "data/opentelemetry.yaml (built in)",
        text: include_str!("../../data/opentelemetry.yaml"),
        source: Some("opentelemetry"),
        supplement: false,
    },
];

/// The date the built-in snapshots were taken (the vendored upstream files were copied then;
/// see tests/fixtures/upstream/README.md), for "built-in, 3 months old".
pub const SNAPSHOT_DATE: &str = "2026-11-21";
