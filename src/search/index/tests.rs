use super::*;
use crate::model::Status;
use crate::search::hit::EXACT_NAME;

/// A few real groups, trimmed, written the way the registry files are.
const FIXTURE: &str = r##"
- id: cncf-tag-app-delivery
  name: TAG App Delivery
  kind: tag
  mission: >-
    Enable cloud native application delivery, covering how workloads are built, packaged,
    deployed and operated, including event driven systems and the tooling around them.
  leads:
    - { name: Alois Reitbauer, github: AloisReitbauer }
  chat: [ { channel: "#tag-app-delivery" } ]
  projects:
    - { name: Operator Framework, repos: [cncf/tag-app-delivery] }
- id: cf-foundational-infrastructure
  name: Foundational Infrastructure
  mission: >-
    Provides infrastructure automation and core capabilities shared across CF projects,
    including identity management, credential management, and integrated data services.
  leads:
    - { name: Ruben Koster, github: rkoster }
    - { name: Beyhan Veli, github: beyhan }
  chat: [ { channel: "#bosh" }, { channel: "#credhub" }, { channel: "#uaa" } ]
  projects:
    - name: BOSH
      repos: [cloudfoundry/bosh, cloudfoundry/bosh-cli]
    - name: UAA
      aliases: [Identity and Auth]
      description: User Account and Authentication server
      repos: [cloudfoundry/uaa, cloudfoundry/uaa-release, cloudfoundry/go-uaa]
- id: cf-docs
  name: Docs
  mission: >-
    Provides accessible, clear entrypoints for CF users and contributors, including
    documentation and example resources.
  projects:
    - name: Documentation
      repos: [cloudfoundry/docs-book-cloudfoundry, cloudfoundry/docs-uaa, cloudfoundry/docs-bosh]
- id: k8s-sig-service-catalog
  name: Service Catalog
  kind: sig
  status: archived
  mission: >-
    Develop the Service Catalog, a framework that lets applications use brokered services
    in Kubernetes clusters.
  projects:
    - { name: Service Catalog, repos: [kubernetes-sigs/service-catalog] }
- id: cf-service-management
  name: Service Management
  status: dissolved
  mission: >-
    Provides interfaces and frameworks for the management of services within application
    platforms.
  leads:
    - { name: Marcela Campo, github: pivotal-marcela-campo }
  projects:
    - { name: Cloud Service Broker, repos: [cloudfoundry/cloud-service-broker] }
    - { name: Open Service Broker API }
    - { name: Service Fabrik, aliases: [ServiceFabrik], repos: [cloudfoundry/service-fabrik-broker] }
- id: cncf-wg-serverless
  name: Serverless
  status: archived
  mission: >-
    Explore the intersection of cloud native and serverless technology.
  goals:
    - Define common terminology for serverless.
    - Create a whitepaper on serverless in relation to cloud native.
  leads:
    - { name: Doug Davis, github: duglin }
  chat: [ { channel: "#serverless" } ]
  projects:
    - { name: CloudEvents, description: A specification for describing event data, repos: [cloudevents/spec] }
    - { name: Serverless Workflow, repos: [serverlessworkflow/specification] }
- id: cf-paketo
  name: Paketo
  mission: Provides cloud native buildpacks for popular languages and frameworks.
  projects:
    - { name: Paketo Buildpacks, repos: [paketo-buildpacks/java, paketo-buildpacks/go] }
- id: cf-app-runtime-interfaces
  name: App Runtime Interfaces
  mission: Provides APIs for the CF App Runtime and community clients for end users.
  projects:
    - { name: CAPI, description: Cloud Controller API, repos: [cloudfoundry/cloud_controller_ng] }
    - { name: App Autoscaler, aliases: [Autoscaler], repos: [cloudfoundry/app-autoscaler] }
"##;

fn groups() -> Vec<Group> {
    serde_yaml::from_str(FIXTURE).expect("fixture parses")
}

fn ids(index: &SearchIndex, groups: &[Group], query: &str) -> Vec<String> {
    let hits = index.search(&Query::parse(query));
    hits.iter()
        .map(|hit| groups[hit.group].id.clone())
        .collect()
}

fn first(query: &str) -> (String, Hit) {
    let groups = groups();
    let hits = SearchIndex::new(&groups).search(&Query::parse(query));
    let hit = hits
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no hit for {query:?}"));
    (groups[hit.group].id.clone(), hit)
}

#[test]
fn cloudevents_finds_the_serverless_wg_by_its_project() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    // The long mission of TAG App Delivery holds c-l-o-u-d-e-v-e-n-t-s in order too, but
    // scattered letters in prose are the tail nobody wants once a project has the word.
    assert_eq!(ids(&index, &groups, "cloudevents"), ["cncf-wg-serverless"]);
    let (id, hit) = first("cloudevents");
    assert_eq!(id, "cncf-wg-serverless");
    assert_eq!(
        (hit.field, hit.text.as_str()),
        (Field::Project, "CloudEvents")
    );
    assert_eq!(hit.positions, (0..11).collect::<Vec<_>>());
}

#[test]
fn service_fabrik_finds_the_group_with_that_project() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    // Service Catalog has "service" in its name but f-a-b-r-i-k only scattered in its
    // mission: cut, as Service Management has both terms as words.
    assert_eq!(
        ids(&index, &groups, "service fabrik"),
        ["cf-service-management"]
    );
    let (_, hit) = first("service fabrik");
    assert_eq!(
        (hit.field, hit.text.as_str()),
        (Field::Project, "Service Fabrik")
    );
    assert_eq!(hit.positions, (0..7).chain(8..14).collect::<Vec<_>>());
}

#[test]
fn uaa_finds_foundational_infrastructure_over_scattered_letters() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    let found = ids(&index, &groups, "uaa");
    assert_eq!(found[0], "cf-foundational-infrastructure");
    // Docs has the repo cloudfoundry/docs-uaa: a whole word in a repo beats prose. Scattered
    // u-a-a in missions and names is the tail, cut.
    assert_eq!(found, ["cf-foundational-infrastructure", "cf-docs"]);
    let (_, hit) = first("uaa");
    assert_eq!(
        (hit.field, hit.text.as_str(), hit.positions.as_slice()),
        (Field::Project, "UAA", &[0, 1, 2][..])
    );
}

#[test]
fn a_group_named_exactly_ranks_first() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    assert_eq!(ids(&index, &groups, "paketo")[0], "cf-paketo");
    assert_eq!(ids(&index, &groups, "docs")[0], "cf-docs");
    assert_eq!(ids(&index, &groups, "Docs")[0], "cf-docs");
    assert_eq!(ids(&index, &groups, "cf-docs")[0], "cf-docs");
    assert_eq!(
        ids(&index, &groups, "app runtime interfaces")[0],
        "cf-app-runtime-interfaces"
    );
    let (_, hit) = first("serverless");
    assert_eq!((hit.field, hit.text.as_str()), (Field::Name, "Serverless"));
    assert!(hit.score >= EXACT_NAME);
}

#[test]
fn hits_say_which_field_matched() {
    let cases = [
        ("rkoster", Field::Github, "rkoster"),
        ("koster", Field::Lead, "Ruben Koster"),
        ("#credhub", Field::Chat, "#credhub"),
        ("go-uaa", Field::Repo, "cloudfoundry/go-uaa"),
        ("autoscaler", Field::Project, "Autoscaler"),
        (
            "authentication",
            Field::ProjectDescription,
            "User Account and Authentication server",
        ),
        (
            "whitepaper",
            Field::Goal,
            "Create a whitepaper on serverless in relation to cloud native.",
        ),
        (
            "clusters",
            Field::Mission,
            "Develop the Service Catalog, a framework that lets applications use brokered services in Kubernetes clusters.",
        ),
        ("k8s-sig", Field::Id, "k8s-sig-service-catalog"),
    ];
    for (query, field, text) in cases {
        let (_, hit) = first(query);
        assert_eq!((hit.field, hit.text.as_str()), (field, text), "{query}");
    }
}

#[test]
fn terms_must_all_match_each_in_any_field() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    assert_eq!(
        ids(&index, &groups, "koster credhub"),
        ["cf-foundational-infrastructure"]
    );
    // TAG App Delivery's long mission scatters both terms' letters: the tail, cut.
    assert_eq!(
        ids(&index, &groups, "duglin cloudevents"),
        ["cncf-wg-serverless"]
    );
    assert!(ids(&index, &groups, "'duglin bosh").is_empty());
}

#[test]
fn bar_means_either_term() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    let mut found = ids(&index, &groups, "'duglin | 'rkoster");
    found.sort();
    assert_eq!(
        found,
        ["cf-foundational-infrastructure", "cncf-wg-serverless"]
    );
    // (duglin or rkoster) and credhub
    assert_eq!(
        ids(&index, &groups, "'duglin | 'rkoster 'credhub"),
        ["cf-foundational-infrastructure"]
    );
}

#[test]
fn operators_filter_groups() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    assert_eq!(ids(&index, &groups, "'fabrik"), ["cf-service-management"]);
    assert_eq!(
        ids(&index, &groups, "release$"),
        ["cf-foundational-infrastructure"]
    );
    assert_eq!(ids(&index, &groups, "^paketo-buildpacks"), ["cf-paketo"]);
    let found = ids(&index, &groups, "uaa !docs");
    assert!(found.contains(&"cf-foundational-infrastructure".to_string()));
    assert!(!found.contains(&"cf-docs".to_string()));
    let no_cloud_prefix = ids(&index, &groups, "!^cloud");
    assert_eq!(
        no_cloud_prefix,
        [
            "cncf-tag-app-delivery",
            "cf-paketo",
            "k8s-sig-service-catalog"
        ]
    );
    let no_native_suffix = ids(&index, &groups, "!native.$");
    assert!(!no_native_suffix.contains(&"cncf-wg-serverless".to_string()));
    assert_eq!(no_native_suffix.len(), groups.len() - 1);
}

#[test]
fn smart_case_applies_per_term() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    assert_eq!(
        ids(&index, &groups, "'BOSH"),
        ["cf-foundational-infrastructure"]
    );
    // Lowercase finds the docs repo too; uppercase only the project named in capitals.
    assert_eq!(ids(&index, &groups, "'bosh").len(), 2);
    assert_eq!(ids(&index, &groups, "'Bosh"), Vec::<String>::new());
}

#[test]
fn empty_query_returns_every_group_in_order_without_highlight() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    let hits = index.search(&Query::parse("  "));
    assert_eq!(hits.len(), groups.len());
    for (i, hit) in hits.iter().enumerate() {
        assert_eq!((hit.group, hit.score, hit.field), (i, 0, Field::Name));
        assert_eq!(hit.text, groups[i].name);
        assert!(hit.positions.is_empty());
    }
}

#[test]
fn equal_scores_put_live_groups_first_then_input_order() {
    let group = |id: &str, status| Group {
        id: id.into(),
        name: "Docs Working Group".into(),
        status,
        ..Group::default()
    };
    let groups = [
        group("a", Status::Archived),
        group("b", Status::Active),
        group("c", Status::Renamed),
        group("d", Status::Proposed),
    ];
    let index = SearchIndex::new(&groups);
    assert_eq!(ids(&index, &groups, "docs"), ["b", "d", "a", "c"]);
    assert_eq!(ids(&index, &groups, "!nothing"), ["b", "d", "a", "c"]);
}

#[test]
fn search_within_agrees_with_search_on_the_candidates() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    let candidates: Vec<usize> = (0..groups.len()).filter(|g| g % 2 == 0).rev().collect();
    for query in [
        "",
        "c",
        "uaa",
        "service fabrik",
        "'bosh | cloud !docs",
        "!^cloud",
        "^x$",
    ] {
        let query = Query::parse(query);
        let expected: Vec<Hit> = index
            .search(&query)
            .into_iter()
            .filter(|hit| candidates.contains(&hit.group))
            .collect();
        assert_eq!(
            index.search_within(&query, &candidates),
            expected,
            "{query:?}"
        );
    }
    // Typing on: the previous hits are enough.
    let previous = Query::parse("clou");
    let next = Query::parse("cloudev");
    assert!(next.narrows(&previous));
    let within: Vec<usize> = index
        .search(&previous)
        .iter()
        .map(|hit| hit.group)
        .collect();
    assert_eq!(index.search_within(&next, &within), index.search(&next));
    // Out-of-range and repeated candidates are harmless.
    assert_eq!(index.search_within(&next, &[99, 5, 5]).len(), 1);
}

#[test]
fn highlight_positions_index_non_ascii_field_text() {
    let group = Group {
        id: "x".into(),
        name: "İzmir Çalışma Grubu 🎉 日本語".into(),
        leads: vec![crate::model::Lead {
            name: "José Müller".into(),
            ..Default::default()
        }],
        ..Group::default()
    };
    let index = SearchIndex::new(std::slice::from_ref(&group));
    let hit = |query: &str| index.search(&Query::parse(query)).remove(0);
    assert_eq!(hit("calisma").positions, (6..13).collect::<Vec<_>>());
    assert_eq!(
        hit("grubu 日本").positions,
        (14..19).chain(22..24).collect::<Vec<_>>()
    );
    let lead = hit("muller");
    assert_eq!(
        (lead.field, lead.positions),
        (Field::Lead, (5..11).collect())
    );
    assert_eq!(hit("🎉").positions, [20]);
}

#[test]
fn a_case_sensitive_term_that_matches_nothing_names_no_group() {
    let group = |id: &str, name: &str| Group {
        id: id.into(),
        name: name.into(),
        ..Group::default()
    };
    let groups = [group("cf-paketo", "Paketo"), group("cf-docs", "Docs")];
    let index = SearchIndex::new(&groups);
    // `DOCS` (smart case: exactly "DOCS") matches neither; `cf` matches both ids equally.
    let hits = index.search(&Query::parse("DOCS | cf"));
    assert_eq!(hits.iter().map(|h| h.group).collect::<Vec<_>>(), [0, 1]);
    assert!(hits.iter().all(|h| h.score < EXACT_NAME));
    // The same word in lowercase does name Docs.
    assert_eq!(index.search(&Query::parse("docs | cf"))[0].group, 1);
}

#[test]
fn tiers_rank_what_a_person_means_above_higher_scores() {
    let group = |id: &str, name: &str, project: &str| Group {
        id: id.into(),
        name: name.into(),
        projects: vec![crate::model::Project {
            name: project.into(),
            ..Default::default()
        }],
        ..Group::default()
    };
    let groups = [
        // n-o-d-e scattered through a project name, which weighs more than a lead's name.
        group("scattered", "Paketo", "no-dependencies-exporter"),
        group("inside", "Buildpacks", "nodejs"),
        group("word", "Auth", "node-identity"),
        group("named", "SIG Node", "kubelet"),
        group("named-word", "WG Node Lifecycle", "drain"),
    ];
    let index = SearchIndex::new(&groups);
    assert_eq!(
        ids(&index, &groups, "node"),
        ["named", "named-word", "word", "inside"]
    );
    // The kind a name starts or ends with isn't needed to name the group.
    assert!(first_of(&index, "node").score >= EXACT_NAME);
    assert_eq!(ids(&index, &groups, "lifecycle")[0], "named-word");
    // Several terms: the group one of them names comes first.
    assert_eq!(ids(&index, &groups, "auth node")[0], "word");
    assert_eq!(ids(&index, &groups, "kubelet node")[0], "named");
}

fn first_of(index: &SearchIndex, query: &str) -> Hit {
    index.search(&Query::parse(query)).remove(0)
}

#[test]
fn a_term_no_group_has_as_a_run_keeps_its_best_tier_only() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    // f-b-r-k: scattered in Service Fabrik's name (a short field) and through missions.
    assert_eq!(ids(&index, &groups, "fbrk"), ["cf-service-management"]);
    // A swapped pair finds the word it stands for, above letters scattered elsewhere.
    let found = ids(&index, &groups, "credhbu");
    assert_eq!(found, ["cf-foundational-infrastructure"]);
    let hit = first_of(&index, "credhbu");
    assert_eq!((hit.field, hit.text.as_str()), (Field::Chat, "#credhub"));
    assert_eq!(hit.positions, (1..8).collect::<Vec<_>>());
    // Searching within candidates that lack a better group gives the same answer as
    // searching them all: the cut is the whole registry's.
    let fi = groups
        .iter()
        .position(|g| g.id == "cf-foundational-infrastructure")
        .unwrap();
    let others: Vec<usize> = (0..groups.len()).filter(|&g| g != fi).collect();
    assert!(
        index
            .search_within(&Query::parse("credhbu"), &others)
            .is_empty()
    );
}

#[test]
fn status_kind_and_community_match_as_words_only() {
    let groups = groups();
    let index = SearchIndex::new(&groups);
    let found = ids(&index, &groups, "archived");
    assert_eq!(found, ["k8s-sig-service-catalog", "cncf-wg-serverless"]);
    let hit = first_of(&index, "archived");
    assert_eq!((hit.field, hit.text.as_str()), (Field::Status, "archived"));
    assert!(!ids(&index, &groups, "!archived serverless").contains(&"cncf-wg-serverless".into()));
    assert_eq!(ids(&index, &groups, "dissolved"), ["cf-service-management"]);
    assert_eq!(
        ids(&index, &groups, r"'special\ interest\ group'"),
        ["k8s-sig-service-catalog"]
    );
    // Not as scattered letters: a-r-c-h-v-d is in "archived" only as letters in order.
    let scattered = index.search(&Query::parse("archvd"));
    assert!(scattered.iter().all(|hit| hit.field != Field::Status));
}
