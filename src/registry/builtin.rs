//! The registry compiled into the binary, so townhall works offline from any folder.
//! `cncf-tags`, `kubernetes` and `opentelemetry` are `townhall import` of the registries
//! those communities publish (see tests/bundled.rs); the other two are compiled by hand.

/// (name shown in messages, file text), in load order.
pub const FILES: &[(&str, &str)] = &[
    (
        "data/cncf.yaml (built in)",
        include_str!("../../data/cncf.yaml"),
    ),
    (
        "data/cncf-tags.yaml (built in)",
        include_str!("../../data/cncf-tags.yaml"),
    ),
    (
        "data/cloudfoundry.yaml (built in)",
        include_str!("../../data/cloudfoundry.yaml"),
    ),
    (
        "data/kubernetes.yaml (built in)",
        include_str!("../../data/kubernetes.yaml"),
    ),
    (
        "data/opentelemetry.yaml (built in)",
        include_str!("../../data/opentelemetry.yaml"),
    ),
];
