//! What people type, and the group they mean, on the built-in registry: project and repo
//! names, people, channels, names as people say them, misspellings, and fzf's operators.
//! Each expectation was read from `data/`, not from what the search returned.

use townhall::model::{Registry, Status};
use townhall::registry::{self, Sources};
use townhall::search::{Hit, Query, SearchIndex};

/// (query, the group a person typing it means).
const TABLE: &[(&str, &str)] = &[
    // Kubernetes: names as people say them, subprojects, repos, channels, people.
    ("node", "kubernetes-sig-node"),
    ("windows", "kubernetes-sig-windows"),
    ("dashboard", "kubernetes-sig-ui"),
    ("kubectl", "kubernetes-sig-cli"),
    ("kubelet", "kubernetes-sig-node"),
    ("headlamp", "kubernetes-sig-ui"),
    ("etcd", "kubernetes-sig-etcd"),
    ("kueue", "kubernetes-sig-scheduling"),
    ("cluster-api", "kubernetes-sig-cluster-lifecycle"),
    ("kubeadm", "kubernetes-sig-cluster-lifecycle"),
    ("minikube", "kubernetes-sig-cluster-lifecycle"),
    ("kind", "kubernetes-sig-testing"),
    ("prow", "kubernetes-sig-testing"),
    ("gateway-api", "kubernetes-sig-network"),
    ("krew", "kubernetes-sig-cli"),
    ("kustomize", "kubernetes-sig-cli"),
    ("kubernetes/kubectl", "kubernetes-sig-cli"),
    ("pkg/kubelet$", "kubernetes-sig-node"),
    ("#sig-node", "kubernetes-sig-node"),
    ("#sig-storage", "kubernetes-sig-storage"),
    ("steering", "kubernetes-committee-steering"),
    ("code of conduct", "kubernetes-committee-code-of-conduct"),
    ("batch", "kubernetes-wg-batch"),
    ("node lifecycle", "kubernetes-wg-node-lifecycle"),
    ("Dawn Chen", "kubernetes-sig-node"),
    ("dchen1107", "kubernetes-sig-node"),
    ("msau42", "kubernetes-sig-storage"),
    ("safranek", "kubernetes-sig-storage"),
    ("Amy Chen", "kubernetes-wg-batch"),
    // Cloud Foundry.
    ("uaa", "cf-foundational-infrastructure"),
    ("bosh", "cf-foundational-infrastructure"),
    ("credhub", "cf-foundational-infrastructure"),
    ("#credhub", "cf-foundational-infrastructure"),
    ("service fabrik", "cf-service-management"),
    ("concourse", "cf-concourse"),
    ("taylorsilva", "cf-concourse"),
    ("diego", "cf-app-runtime-platform"),
    ("korifi", "cf-on-k8s"),
    ("stratos", "cf-app-runtime-interfaces"),
    ("autoscaler", "cf-app-runtime-interfaces"),
    ("Daniel Mikusa", "cf-paketo"),
    ("Anita Flegg", "cf-docs"),
    ("paketo python", "cf-paketo"),
    // CNCF: the Serverless WG, TAGs and the TOC.
    ("cloudevents", "cncf-wg-serverless"),
    ("serverless workflow", "cncf-wg-serverless"),
    ("Doug Davis", "cncf-wg-serverless"),
    ("#serverless", "cncf-wg-serverless"),
    ("workloads foundation", "cncf-tag-workloads-foundation"),
    ("operational resilience", "cncf-tag-operational-resilience"),
    ("Justin Cappos", "cncf-tag-security-and-compliance"),
    ("bschaatsbergen", "cncf-tag-infrastructure"),
    ("cncf toc", "cncf-toc"),
    // OpenTelemetry SIGs.
    ("collector", "otel-collector"),
    ("opentelemetry-collector", "otel-collector"),
    ("#otel-collector", "otel-collector"),
    ("opamp", "otel-opamp"),
    ("prometheus", "otel-prometheus-interop"),
    ("genai", "otel-semconv-genai"),
    ("ebpf", "otel-ebpf-instrumentation"),
    ("helm", "otel-k8s-helm-charts"),
    ("#otel-rust", "otel-rust-sdk"),
    ("ukrainian", "otel-localization-uk"),
    // Misspellings: swapped, missing, extra and wrong letters.
    ("kubeclt", "kubernetes-sig-cli"),
    ("credhbu", "cf-foundational-infrastructure"),
    ("colector", "otel-collector"),
    ("promethues", "otel-prometheus-interop"),
    ("kustomise", "kubernetes-sig-cli"),
    // fzf's operators and several terms.
    ("'kubectl", "kubernetes-sig-cli"),
    ("^kubectl", "kubernetes-sig-cli"),
    ("kubelet$", "kubernetes-sig-node"),
    ("'headlamp'", "kubernetes-sig-ui"),
    ("bosh | uaa", "cf-foundational-infrastructure"),
    ("sig node", "kubernetes-sig-node"),
    ("kubernetes dashboard", "kubernetes-sig-ui"),
    ("cloud foundry uaa", "cf-foundational-infrastructure"),
    ("serverless !workflow | cloudevents", "cncf-wg-serverless"),
    ("autoscaler !cluster", "cf-app-runtime-interfaces"),
    ("kubelet !auth", "kubernetes-sig-node"),
];

fn builtin() -> Registry {
    let loaded = registry::load(&Sources::builtin_only());
    assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
    loaded.registry
}

fn search(registry: &Registry, index: &SearchIndex, query: &str) -> Vec<String> {
    index
        .search(&Query::parse(query))
        .iter()
        .map(|hit: &Hit| registry.groups[hit.group].id.clone())
        .collect()
}

#[test]
fn the_group_a_person_means_comes_first() {
    let registry = builtin();
    let index = SearchIndex::with_communities(&registry.groups, &registry.communities);
    assert!(TABLE.len() >= 40);
    let communities: Vec<&str> = ["kubernetes", "cloudfoundry", "cncf", "opentelemetry"].into();
    for community in communities {
        assert!(
            TABLE
                .iter()
                .any(|(_, id)| registry.group(id).is_some_and(|g| g.community == community)),
            "no row for {community}"
        );
    }
    let mut wrong = Vec::new();
    for (query, expected) in TABLE {
        assert!(registry.group(expected).is_some(), "no group {expected}");
        let found = search(&registry, &index, query);
        if found.first().map(String::as_str) != Some(*expected) {
            let top: Vec<&str> = found.iter().take(5).map(String::as_str).collect();
            wrong.push(format!(
                "{query:?}: expected {expected}, got {}",
                top.join(", ")
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn the_fuzzy_tail_is_cut_but_a_misspelling_still_finds_its_groups() {
    let registry = builtin();
    let index = SearchIndex::with_communities(&registry.groups, &registry.communities);
    let uaa = search(&registry, &index, "uaa");
    assert!(uaa.len() <= 10, "{uaa:?}");
    assert!(!uaa.contains(&"otel-localization-uk".to_string()));
    let cloudevents = search(&registry, &index, "cloudevents");
    assert!(
        !cloudevents.contains(&"cf-app-runtime-deployments".to_string()),
        "{cloudevents:?}"
    );
    let kubeclt = search(&registry, &index, "kubeclt");
    assert!((1..=10).contains(&kubeclt.len()), "{kubeclt:?}");
}

#[test]
fn status_kind_and_community_are_words_to_search_by() {
    let registry = builtin();
    let index = SearchIndex::with_communities(&registry.groups, &registry.communities);
    let status = |id: &String| registry.group(id).map(|g| g.status);
    let live = search(&registry, &index, "!archived serverless");
    assert!(
        !live.contains(&"cncf-wg-serverless".to_string()),
        "{live:?}"
    );
    let unarchived = search(&registry, &index, "!archived");
    assert!(
        unarchived
            .iter()
            .all(|id| status(id) != Some(Status::Archived))
    );
    let archived = registry
        .groups
        .iter()
        .filter(|g| g.status == Status::Archived)
        .count();
    assert!(unarchived.len() + archived <= registry.groups.len());
    assert!(unarchived.len() + archived + 5 >= registry.groups.len());
    let dissolved = search(&registry, &index, "dissolved");
    let gone = registry
        .groups
        .iter()
        .filter(|g| g.status == Status::Dissolved)
        .count();
    assert!(gone > 0);
    assert!(
        dissolved[..gone]
            .iter()
            .all(|id| status(id) == Some(Status::Dissolved)),
        "{dissolved:?}"
    );
    let sigs = search(&registry, &index, r"'special\ interest\ group' !kubernetes");
    assert!(!sigs.is_empty());
    assert!(sigs.iter().all(|id| id.starts_with("otel-")), "{sigs:?}");
    // Every Kubernetes group has the community's name, yet a group named for the word
    // comes before those that only share it.
    let kubernetes = search(&registry, &index, "kubernetes");
    let first = registry.group(&kubernetes[0]).map(|g| g.name.as_str());
    assert!(
        first.is_some_and(|name| name.to_lowercase().contains("kubernetes")),
        "{kubernetes:?}"
    );
    let cloud_foundry = search(&registry, &index, "cloud foundry");
    assert!(
        cloud_foundry
            .iter()
            .filter(|id| id.starts_with("cf-"))
            .count()
            >= 10
    );
}
