//! The pages of tests/fixtures/upstream/cloudfoundry-community as they are.

use std::path::Path;

use crate::formats::{Converted, Origin};
use crate::registry::load::{Input, file_input};

pub fn directory_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/upstream/cloudfoundry-community/toc/working-groups/WORKING-GROUPS.md")
}

pub fn input() -> Input {
    file_input(&directory_path()).expect("the fixture reads")
}

pub fn read() -> Converted {
    let input = input();
    super::super::convert(&input.name, &input.text, &input.linked, &Origin::default())
}

#[test]
fn every_linked_page_of_the_fixture_is_found_beside_it() {
    let input = input();
    let links: Vec<&str> = input.linked.iter().map(|d| d.link.as_str()).collect();
    assert_eq!(links.len(), 12, "{links:?}");
    assert!(links.contains(&"../TOC.md") && links.contains(&"paketo.md"));
}

#[test]
fn the_fixture_reads_as_twelve_groups_without_errors() {
    let converted = read();
    let errors: Vec<String> = converted
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let ids: Vec<&str> = converted
        .file
        .as_ref()
        .unwrap()
        .groups
        .iter()
        .map(|g| g.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "cf-toc",
            "cf-admin",
            "cf-agentic-runtime",
            "cf-app-runtime-deployments",
            "cf-app-runtime-interfaces",
            "cf-app-runtime-platform",
            "cf-on-k8s",
            "cf-docs",
            "cf-foundational-infrastructure",
            "cf-paketo",
            "cf-vulnerability-management",
            "cf-concourse",
        ]
    );
}
