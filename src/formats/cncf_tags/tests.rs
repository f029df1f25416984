use crate::formats::testing::{groups, messages, read_as};
use crate::formats::{Converted, Format, Origin};
use crate::model::{Chat, ChatKind, GroupKind, Lead, Link, LinkKind};

mod fixture;
mod hand_compiled;
mod untidy;

fn read(yaml: &str) -> Converted {
    read_as(Format::CncfTags, "tags.yaml", yaml, &Origin::default())
}

fn slack(channel: &str, id: &str) -> Chat {
    Chat {
        kind: ChatKind::Slack,
        channel: channel.into(),
        id: Some(id.into()),
        workspace: Some("cloud-native.slack.com".into()),
        url: Some(format!("https://cloud-native.slack.com/archives/{id}")),
    }
}

const TAG: &str = "\
tags:
  - dir: tag-infrastructure # TAG Infrastructure
    name: TAG Infrastructure
    mission_statement: >
      Data, Storage, Network
    charter_link: charter.md
    label: tag-infrastructure
    leadership:
      chairs:
        - github: GenPage
          lfx_id:
          name: Dylan Page
          company:
          email:
          term:
            start: \"2025-07-01\"
            end: \"2027-06-30\"
      tech_leads:
        - github: palnabarun
          lfx_id: palnabarun
          name: Nabarun Pal
          company: Broadcom
          email: someone@example.org
          term:
            start: \"2025-07-02\"
    meetings:
      - description: TAG Infrastructure Meetings
        tag_calendar: https://zoom-lfx.platform.linuxfoundation.org/meetings/tag-infrastructure?view=list
        recordings_url: https://www.youtube.com/@CNCFTAGInfrastructure
        meeting_notes_url: https://notes.cncf.io/6iwUCAaIQ72QAKr4MTCnUQ
    contact:
      slack: C08KBH3RA1K
      mailing_list: https://lists.cncf.io/g/cncf-tag-infrastructure/
      toc_liaison:
        - github: brandtkeller
          name: Brandt Keller
    tag_initiatives: https://github.com/cncf/toc/issues?q=state%3Aopen%20label%3Atag%2Finfrastructure%20label%3Akind%2Finitiative
";

#[test]
fn a_tag_keeps_its_leads_with_terms_its_channel_list_meeting_and_links() {
    let converted = read(TAG);
    let file = converted.file.as_ref().unwrap();
    assert_eq!(
        (file.community.id.as_str(), file.community.name.as_str()),
        ("cncf", "Cloud Native Computing Foundation")
    );
    let g = &file.groups[0];
    assert_eq!(
        (g.id.as_str(), g.name.as_str(), g.kind),
        (
            "cncf-tag-infrastructure",
            "TAG Infrastructure",
            GroupKind::Tag
        )
    );
    assert_eq!(g.mission.as_deref(), Some("Data, Storage, Network"));
    let lead = |name: &str, github: &str, role: &str, company: Option<&str>| Lead {
        name: name.into(),
        role: Some(role.into()),
        company: company.map(Into::into),
        github: Some(github.into()),
    };
    assert_eq!(
        g.leads,
        [
            lead(
                "Dylan Page",
                "GenPage",
                "chair (term 2025-07-01 to 2027-06-30)",
                None
            ),
            lead(
                "Nabarun Pal",
                "palnabarun",
                "tech lead (term from 2025-07-02)",
                Some("Broadcom")
            ),
            lead("Brandt Keller", "brandtkeller", "TOC liaison", None),
        ]
    );
    assert_eq!(g.chat, [slack("C08KBH3RA1K", "C08KBH3RA1K")]);
    assert_eq!(
        g.mailing_lists,
        [Link {
            kind: LinkKind::MailingList,
            title: "cncf-tag-infrastructure (lists.cncf.io)".into(),
            url: "https://lists.cncf.io/g/cncf-tag-infrastructure/".into(),
        }]
    );
    let m = &g.meetings[0];
    assert_eq!(
        (
            m.title.as_str(),
            m.published.as_str(),
            &m.schedule,
            &m.projects.first()
        ),
        (
            "TAG Infrastructure Meetings",
            "See the LFX calendar",
            &None,
            &None
        )
    );
    assert_eq!(
        m.calendar.as_deref(),
        Some("https://zoom-lfx.platform.linuxfoundation.org/meetings/tag-infrastructure?view=list")
    );
    assert_eq!(
        m.recordings,
        ["https://www.youtube.com/@CNCFTAGInfrastructure"]
    );
    assert_eq!(
        m.notes.as_deref(),
        Some("https://notes.cncf.io/6iwUCAaIQ72QAKr4MTCnUQ")
    );
    let links: Vec<(LinkKind, &str, &str)> = g
        .links
        .iter()
        .map(|l| (l.kind, l.title.as_str(), l.url.as_str()))
        .collect();
    assert_eq!(
        links,
        [
            (
                LinkKind::Docs,
                "TAG README (cncf/toc)",
                "https://github.com/cncf/toc/tree/main/tags/tag-infrastructure"
            ),
            (
                LinkKind::Charter,
                "Charter",
                "https://github.com/cncf/toc/blob/main/tags/tag-infrastructure/charter.md"
            ),
            (
                LinkKind::Other,
                "Open initiatives (cncf/toc issues labelled tag/infrastructure)",
                "https://github.com/cncf/toc/issues?q=state%3Aopen%20label%3Atag%2Finfrastructure%20label%3Akind%2Finitiative"
            ),
        ]
    );
    assert_eq!(converted.written[0].group.line, 2);
    assert_eq!(converted.written[0].meetings.len(), 1);
    assert_eq!(
        messages(&converted),
        [
            "tags.yaml:1:1: warning: 1 of 1 meetings publish no day or time, only a calendar link; townhall can't say when they next meet"
        ]
    );
}

const SUBPROJECTS: &str = "\
tags:
  - dir: tag-workloads-foundation
    name: TAG Workloads Foundation
    leadership:
      chairs:
        - {github: catblade, name: Marlow Warnicke, company: NVIDIA}
    contact:
      slack: C08K71W9HAS
      mailing_list: https://lists.cncf.io/g/cncf-tag-workloads-foundation
    tag_subprojects:
      - dir: batch
        name: Batch
        mission_statement: |
          Brings batch maintainers together.
        leadership:
          subproject_leads:
            - {github: CatBlade, name: Marlow Warnicke, company: NVIDIA}
            - {github: stackedsax, lfx_id: stackedsax1, name: Alex Scammon}
        meetings:
          - schedule: Every other Tuesday at 8am PDT/PST
            zoom_url: https://zoom-lfx.platform.linuxfoundation.org/meeting/99965231171
        contact:
          slack: C02Q5DFF3MM
          slack_channel: \"#batch-wg\"
          mailing_list: https://lists.cncf.io/g/cncf-tag-workloads-foundation/
        landscape_url: https://bsi-landscape.netlify.app/
        landscape_preview_image: ./landscape/batch-landscape-preview.png
      - name: Green Reviews
        mission_statement: Foo-Baz_Bar
        contact:
          slack: C08K71W9HAS # Using parent TAG's contact
";

#[test]
fn subprojects_are_projects_whose_people_meetings_and_channels_join_the_tag() {
    let converted = read(SUBPROJECTS);
    let g = &groups(&converted)[0];
    let projects: Vec<(&str, Option<&str>, Option<&str>)> = g
        .projects
        .iter()
        .map(|p| (p.name.as_str(), p.description.as_deref(), p.url.as_deref()))
        .collect();
    let base = "https://github.com/cncf/toc/tree/main/tags/tag-workloads-foundation/subprojects";
    assert_eq!(
        projects,
        [
            (
                "Batch",
                Some("Brings batch maintainers together."),
                Some(format!("{base}/batch")).as_deref()
            ),
            (
                "Green Reviews",
                None,
                Some(format!("{base}/green-reviews")).as_deref()
            ),
        ]
    );
    let roles: Vec<(&str, &str)> = g
        .leads
        .iter()
        .map(|l| (l.github.as_deref().unwrap(), l.role.as_deref().unwrap()))
        .collect();
    assert_eq!(
        roles,
        [
            ("catblade", "chair and Batch subproject lead"),
            ("stackedsax", "Batch subproject lead")
        ]
    );
    assert_eq!(
        g.chat,
        [
            slack("C08K71W9HAS", "C08K71W9HAS"),
            slack("#batch-wg", "C02Q5DFF3MM")
        ]
    );
    assert_eq!(
        g.mailing_lists.len(),
        1,
        "the same list with a trailing slash"
    );
    let batch = &g.meetings[0];
    assert_eq!(batch.title, "Batch subproject meeting");
    assert_eq!(batch.projects.first().map(String::as_str), Some("Batch"));
    assert_eq!(batch.published, "Every other Tuesday at 8am PDT/PST");
    let spec = batch
        .schedule
        .as_ref()
        .expect("read with its weeks left open");
    assert_eq!((spec.interval, spec.anchor.as_deref()), (Some(2), None));
    assert_eq!(
        g.links.iter().map(|l| l.title.as_str()).collect::<Vec<_>>(),
        ["TAG README (cncf/toc)", "Batch landscape"]
    );
    assert_eq!(
        messages(&converted),
        [
            "tags.yaml:1:1: warning: 1 of 1 meeting times say how many weeks apart but not which weeks; every candidate week is shown as possible",
            "tags.yaml:29:28: warning: mission statement \"Foo-Baz_Bar\" is a template placeholder; left out",
        ]
    );
}

const TOC: &str = "\
toc_subprojects: # TOC SubProjects
  - dir: contributor-strategy-and-advocacy-subproject
    name: Contributor Strategy and Advocacy SubProject
    mission_statement: Foo-Baz-Bar
    charter_link: charter.md
    label: contributor-strategy-and-advocacy-subproject
    leadership:
      chairs:
        - github:
          lfx_id:
          name: The Contributor Strategy and Advocacy Subproject are lead by CNCF staff
          company:
          email:
        - github:
          name:
    meetings:
      - description: Contributor Strategy SubProject and Advocacy Meetings
        tag_calendar: https://zoom-lfx.platform.linuxfoundation.org/meetings/toc-contributor-strategy-subproject?view=list
    contact:
      slack: C08N4CKUHB2
      toc_liaison:
        - {github: angellk, name: Karena Angell}
    subproject_initiatives: https://github.com/cncf/toc/issues?q=state%3Aopen%20label%3Atoc%2Fcontributor-strategy-and-advocacy-subproject
";

#[test]
fn toc_subprojects_are_projects_of_the_toc_and_non_people_are_left_out() {
    let converted = read(TOC);
    let g = &groups(&converted)[0];
    assert_eq!(
        (g.id.as_str(), g.name.as_str(), g.kind),
        (
            "cncf-toc",
            "CNCF Technical Oversight Committee",
            GroupKind::Committee
        )
    );
    let name = "Contributor Strategy and Advocacy SubProject";
    assert_eq!(g.projects[0].name, name);
    assert_eq!(g.projects[0].description, None);
    assert_eq!(
        g.projects[0].url.as_deref(),
        Some(
            "https://github.com/cncf/toc/tree/main/toc_subprojects/contributor-strategy-and-advocacy-subproject"
        )
    );
    assert_eq!(g.leads.len(), 1);
    assert_eq!(g.leads[0].role, Some(format!("{name} TOC liaison")));
    assert_eq!(
        g.meetings[0].projects.first().map(String::as_str),
        Some(name)
    );
    assert_eq!(
        g.links.iter().map(|l| (l.kind, l.title.as_str())).collect::<Vec<_>>(),
        [
            (LinkKind::Charter, format!("{name} charter").as_str()),
            (
                LinkKind::Other,
                format!("{name}: open initiatives (cncf/toc issues labelled toc/contributor-strategy-and-advocacy-subproject)").as_str()
            ),
        ]
    );
    assert_eq!(
        g.links[0].url,
        "https://github.com/cncf/toc/blob/main/toc_subprojects/contributor-strategy-and-advocacy-subproject/charter.md"
    );
    assert_eq!(converted.written[0].group.line, 1);
    assert_eq!(
        messages(&converted),
        [
            "tags.yaml:1:1: warning: 1 of 1 meetings publish no day or time, only a calendar link; townhall can't say when they next meet",
            "tags.yaml:4:24: warning: mission statement \"Foo-Baz-Bar\" is a template placeholder; left out",
            "tags.yaml:9:11: warning: a Contributor Strategy and Advocacy SubProject chair entry whose name \"The Contributor Strategy and Advocacy Subproject are lead by CNCF staff\" is not a person's, with no GitHub handle; skipped",
            "tags.yaml:14:11: warning: a Contributor Strategy and Advocacy SubProject chair entry with no name and no GitHub handle; skipped",
        ]
    );
}
