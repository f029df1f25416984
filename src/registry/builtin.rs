//! The registry compiled into the binary, so townhall works offline from any folder.

/// (name shown in messages, file text), in load order.
pub const FILES: &[(&str, &str)] = &[
    (
        "data/cncf.yaml (built in)",
        include_str!("../../data/cncf.yaml"),
    ),
    (
        "data/cloudfoundry.yaml (built in)",
        include_str!("../../data/cloudfoundry.yaml"),
    ),
];
