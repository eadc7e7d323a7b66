"""Written by nato_partners._fastpath.module_source() (scripts/bundle-data); do not edit."""

# ruff: noqa
# mypy: ignore-errors
from ._fastpath import ABSENT, FastStructurer, Refused, encodable, new, number, refuse, whole
from .dates import _parse_date as parse_date
from .model import Area, Confidence, DatasetInfo, Funding, Membership, Milestone, MilestoneKind, Mission, Partner, Programme, ProgrammeKind, ProjectStatus, Region, Source, StateSpell, StateSystem, TrustFundProject

FIELDS_DatasetInfo = frozenset(['format', 'version', 'reviewed', 'title', 'description'])
FIELDS_Membership = frozenset(['partner', 'programme', 'spell', 'joined', 'left', 'left_by', 'known_until', 'suspended', 'resumed', 'role', 'sources', 'confidence', 'note'])
FIELDS_Milestone = frozenset(['id', 'partner', 'date', 'kind', 'title', 'summary', 'programme', 'areas', 'sources', 'confidence', 'note'])
FIELDS_Mission = frozenset(['name', 'established', 'head', 'head_title', 'confidence'])
FIELDS_Partner = frozenset(['code', 'alpha2', 'iso_numeric', 'cow_code', 'gw_code', 'name', 'official_name', 'region', 'aliases', 'mission', 'states', 'sources', 'confidence', 'note'])
FIELDS_Programme = frozenset(['id', 'name', 'acronym', 'kind', 'established', 'ended', 'succeeded_by', 'members_complete', 'description', 'sources', 'confidence', 'note'])
FIELDS_Source = frozenset(['id', 'title', 'publisher', 'author', 'url', 'published', 'note'])
FIELDS_StateSpell = frozenset(['system', 'code', 'start', 'end'])
FIELDS_TrustFundProject = frozenset(['id', 'name', 'partner', 'executing_agency', 'partner_agency', 'lead_nations', 'start', 'end', 'status', 'status_as_of', 'purpose', 'funding', 'items_planned', 'items_disposed', 'tonnes_planned', 'tonnes_disposed', 'people_planned', 'people_retrained', 'area_planned_m2', 'area_cleared_m2', 'budget_eur', 'budget_amount', 'budget_currency', 'spent_eur', 'site', 'sources', 'confidence', 'note'])
SET_DatasetInfo_description = DatasetInfo.__dict__['description'].__set__
SET_DatasetInfo_format = DatasetInfo.__dict__['format'].__set__
SET_DatasetInfo_reviewed = DatasetInfo.__dict__['reviewed'].__set__
SET_DatasetInfo_title = DatasetInfo.__dict__['title'].__set__
SET_DatasetInfo_version = DatasetInfo.__dict__['version'].__set__
SET_Membership_confidence = Membership.__dict__['confidence'].__set__
SET_Membership_joined = Membership.__dict__['joined'].__set__
SET_Membership_known_until = Membership.__dict__['known_until'].__set__
SET_Membership_left = Membership.__dict__['left'].__set__
SET_Membership_left_by = Membership.__dict__['left_by'].__set__
SET_Membership_note = Membership.__dict__['note'].__set__
SET_Membership_partner = Membership.__dict__['partner'].__set__
SET_Membership_programme = Membership.__dict__['programme'].__set__
SET_Membership_resumed = Membership.__dict__['resumed'].__set__
SET_Membership_role = Membership.__dict__['role'].__set__
SET_Membership_sources = Membership.__dict__['sources'].__set__
SET_Membership_spell = Membership.__dict__['spell'].__set__
SET_Membership_suspended = Membership.__dict__['suspended'].__set__
SET_Milestone_areas = Milestone.__dict__['areas'].__set__
SET_Milestone_confidence = Milestone.__dict__['confidence'].__set__
SET_Milestone_date = Milestone.__dict__['date'].__set__
SET_Milestone_id = Milestone.__dict__['id'].__set__
SET_Milestone_kind = Milestone.__dict__['kind'].__set__
SET_Milestone_note = Milestone.__dict__['note'].__set__
SET_Milestone_partner = Milestone.__dict__['partner'].__set__
SET_Milestone_programme = Milestone.__dict__['programme'].__set__
SET_Milestone_sources = Milestone.__dict__['sources'].__set__
SET_Milestone_summary = Milestone.__dict__['summary'].__set__
SET_Milestone_title = Milestone.__dict__['title'].__set__
SET_Mission_confidence = Mission.__dict__['confidence'].__set__
SET_Mission_established = Mission.__dict__['established'].__set__
SET_Mission_head = Mission.__dict__['head'].__set__
SET_Mission_head_title = Mission.__dict__['head_title'].__set__
SET_Mission_name = Mission.__dict__['name'].__set__
SET_Partner_aliases = Partner.__dict__['aliases'].__set__
SET_Partner_alpha2 = Partner.__dict__['alpha2'].__set__
SET_Partner_code = Partner.__dict__['code'].__set__
SET_Partner_confidence = Partner.__dict__['confidence'].__set__
SET_Partner_cow_code = Partner.__dict__['cow_code'].__set__
SET_Partner_gw_code = Partner.__dict__['gw_code'].__set__
SET_Partner_iso_numeric = Partner.__dict__['iso_numeric'].__set__
SET_Partner_mission = Partner.__dict__['mission'].__set__
SET_Partner_name = Partner.__dict__['name'].__set__
SET_Partner_note = Partner.__dict__['note'].__set__
SET_Partner_official_name = Partner.__dict__['official_name'].__set__
SET_Partner_region = Partner.__dict__['region'].__set__
SET_Partner_sources = Partner.__dict__['sources'].__set__
SET_Partner_states = Partner.__dict__['states'].__set__
SET_Programme_acronym = Programme.__dict__['acronym'].__set__
SET_Programme_confidence = Programme.__dict__['confidence'].__set__
SET_Programme_description = Programme.__dict__['description'].__set__
SET_Programme_ended = Programme.__dict__['ended'].__set__
SET_Programme_established = Programme.__dict__['established'].__set__
SET_Programme_id = Programme.__dict__['id'].__set__
SET_Programme_kind = Programme.__dict__['kind'].__set__
SET_Programme_members_complete = Programme.__dict__['members_complete'].__set__
SET_Programme_name = Programme.__dict__['name'].__set__
SET_Programme_note = Programme.__dict__['note'].__set__
SET_Programme_sources = Programme.__dict__['sources'].__set__
SET_Programme_succeeded_by = Programme.__dict__['succeeded_by'].__set__
SET_Source_author = Source.__dict__['author'].__set__
SET_Source_id = Source.__dict__['id'].__set__
SET_Source_note = Source.__dict__['note'].__set__
SET_Source_published = Source.__dict__['published'].__set__
SET_Source_publisher = Source.__dict__['publisher'].__set__
SET_Source_title = Source.__dict__['title'].__set__
SET_Source_url = Source.__dict__['url'].__set__
SET_StateSpell_code = StateSpell.__dict__['code'].__set__
SET_StateSpell_end = StateSpell.__dict__['end'].__set__
SET_StateSpell_start = StateSpell.__dict__['start'].__set__
SET_StateSpell_system = StateSpell.__dict__['system'].__set__
SET_TrustFundProject_area_cleared_m2 = TrustFundProject.__dict__['area_cleared_m2'].__set__
SET_TrustFundProject_area_planned_m2 = TrustFundProject.__dict__['area_planned_m2'].__set__
SET_TrustFundProject_budget_amount = TrustFundProject.__dict__['budget_amount'].__set__
SET_TrustFundProject_budget_currency = TrustFundProject.__dict__['budget_currency'].__set__
SET_TrustFundProject_budget_eur = TrustFundProject.__dict__['budget_eur'].__set__
SET_TrustFundProject_confidence = TrustFundProject.__dict__['confidence'].__set__
SET_TrustFundProject_end = TrustFundProject.__dict__['end'].__set__
SET_TrustFundProject_executing_agency = TrustFundProject.__dict__['executing_agency'].__set__
SET_TrustFundProject_funding = TrustFundProject.__dict__['funding'].__set__
SET_TrustFundProject_id = TrustFundProject.__dict__['id'].__set__
SET_TrustFundProject_items_disposed = TrustFundProject.__dict__['items_disposed'].__set__
SET_TrustFundProject_items_planned = TrustFundProject.__dict__['items_planned'].__set__
SET_TrustFundProject_lead_nations = TrustFundProject.__dict__['lead_nations'].__set__
SET_TrustFundProject_name = TrustFundProject.__dict__['name'].__set__
SET_TrustFundProject_note = TrustFundProject.__dict__['note'].__set__
SET_TrustFundProject_partner = TrustFundProject.__dict__['partner'].__set__
SET_TrustFundProject_partner_agency = TrustFundProject.__dict__['partner_agency'].__set__
SET_TrustFundProject_people_planned = TrustFundProject.__dict__['people_planned'].__set__
SET_TrustFundProject_people_retrained = TrustFundProject.__dict__['people_retrained'].__set__
SET_TrustFundProject_purpose = TrustFundProject.__dict__['purpose'].__set__
SET_TrustFundProject_site = TrustFundProject.__dict__['site'].__set__
SET_TrustFundProject_sources = TrustFundProject.__dict__['sources'].__set__
SET_TrustFundProject_spent_eur = TrustFundProject.__dict__['spent_eur'].__set__
SET_TrustFundProject_start = TrustFundProject.__dict__['start'].__set__
SET_TrustFundProject_status = TrustFundProject.__dict__['status'].__set__
SET_TrustFundProject_status_as_of = TrustFundProject.__dict__['status_as_of'].__set__
SET_TrustFundProject_tonnes_disposed = TrustFundProject.__dict__['tonnes_disposed'].__set__
SET_TrustFundProject_tonnes_planned = TrustFundProject.__dict__['tonnes_planned'].__set__
WORDS_Area = {m.value: m for m in Area}
WORDS_Confidence = {m.value: m for m in Confidence}
WORDS_Funding = {m.value: m for m in Funding}
WORDS_MilestoneKind = {m.value: m for m in MilestoneKind}
WORDS_ProgrammeKind = {m.value: m for m in ProgrammeKind}
WORDS_ProjectStatus = {m.value: m for m in ProjectStatus}
WORDS_Region = {m.value: m for m in Region}
WORDS_StateSystem = {m.value: m for m in StateSystem}


def structure_DatasetInfo(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_DatasetInfo:
        raise Refused
    record = new(DatasetInfo)
    f_format = data['format']
    f_format = whole(f_format)
    f_version = data['version']
    f_version = (f_version if type(f_version) is str and (f_version.isascii() or encodable(f_version)) else refuse())
    f_reviewed = data['reviewed']
    f_reviewed = (parse_date(f_reviewed) if type(f_reviewed) is str else refuse())
    f_title = data['title']
    f_title = (f_title if type(f_title) is str and (f_title.isascii() or encodable(f_title)) else refuse())
    f_description = data.get('description')
    if f_description is not None:
        f_description = (f_description if type(f_description) is str and (f_description.isascii() or encodable(f_description)) else refuse())
    SET_DatasetInfo_format(record, f_format)
    SET_DatasetInfo_version(record, f_version)
    SET_DatasetInfo_reviewed(record, f_reviewed)
    SET_DatasetInfo_title(record, f_title)
    SET_DatasetInfo_description(record, f_description)
    return record


def structure_Source(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Source:
        raise Refused
    record = new(Source)
    f_id = data['id']
    f_id = (f_id if type(f_id) is str and (f_id.isascii() or encodable(f_id)) else refuse())
    f_title = data['title']
    f_title = (f_title if type(f_title) is str and (f_title.isascii() or encodable(f_title)) else refuse())
    f_publisher = data['publisher']
    f_publisher = (f_publisher if type(f_publisher) is str and (f_publisher.isascii() or encodable(f_publisher)) else refuse())
    f_author = data.get('author')
    if f_author is not None:
        f_author = (f_author if type(f_author) is str and (f_author.isascii() or encodable(f_author)) else refuse())
    f_url = data.get('url')
    if f_url is not None:
        f_url = (f_url if type(f_url) is str and (f_url.isascii() or encodable(f_url)) else refuse())
    f_published = data.get('published')
    if f_published is not None:
        f_published = (parse_date(f_published) if type(f_published) is str else refuse())
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    SET_Source_id(record, f_id)
    SET_Source_title(record, f_title)
    SET_Source_publisher(record, f_publisher)
    SET_Source_author(record, f_author)
    SET_Source_url(record, f_url)
    SET_Source_published(record, f_published)
    SET_Source_note(record, f_note)
    return record


def structure_Mission(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Mission:
        raise Refused
    record = new(Mission)
    f_name = data['name']
    f_name = (f_name if type(f_name) is str and (f_name.isascii() or encodable(f_name)) else refuse())
    f_established = data.get('established')
    if f_established is not None:
        f_established = (parse_date(f_established) if type(f_established) is str else refuse())
    f_head = data.get('head')
    if f_head is not None:
        f_head = (f_head if type(f_head) is str and (f_head.isascii() or encodable(f_head)) else refuse())
    f_head_title = data.get('head_title')
    if f_head_title is not None:
        f_head_title = (f_head_title if type(f_head_title) is str and (f_head_title.isascii() or encodable(f_head_title)) else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    SET_Mission_name(record, f_name)
    SET_Mission_established(record, f_established)
    SET_Mission_head(record, f_head)
    SET_Mission_head_title(record, f_head_title)
    SET_Mission_confidence(record, f_confidence)
    return record


def structure_StateSpell(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_StateSpell:
        raise Refused
    record = new(StateSpell)
    f_system = data['system']
    f_system = WORDS_StateSystem[f_system]
    f_code = data['code']
    f_code = whole(f_code)
    f_start = data['start']
    f_start = (parse_date(f_start) if type(f_start) is str else refuse())
    f_end = data.get('end')
    if f_end is not None:
        f_end = (parse_date(f_end) if type(f_end) is str else refuse())
    SET_StateSpell_system(record, f_system)
    SET_StateSpell_code(record, f_code)
    SET_StateSpell_start(record, f_start)
    SET_StateSpell_end(record, f_end)
    return record


def structure_Partner(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Partner:
        raise Refused
    record = new(Partner)
    f_code = data.get('code', ABSENT)
    if code is not None:
        if f_code is ABSENT:
            f_code = code
        elif f_code != code:
            raise Refused
    f_code = (f_code if type(f_code) is str and (f_code.isascii() or encodable(f_code)) else refuse())
    f_alpha2 = data['alpha2']
    f_alpha2 = (f_alpha2 if type(f_alpha2) is str and (f_alpha2.isascii() or encodable(f_alpha2)) else refuse())
    f_iso_numeric = data.get('iso_numeric')
    if f_iso_numeric is not None:
        f_iso_numeric = (f_iso_numeric if type(f_iso_numeric) is str and (f_iso_numeric.isascii() or encodable(f_iso_numeric)) else refuse())
    f_cow_code = data.get('cow_code')
    if f_cow_code is not None:
        f_cow_code = whole(f_cow_code)
    f_gw_code = data.get('gw_code')
    if f_gw_code is not None:
        f_gw_code = whole(f_gw_code)
    f_name = data['name']
    f_name = (f_name if type(f_name) is str and (f_name.isascii() or encodable(f_name)) else refuse())
    f_official_name = data.get('official_name')
    if f_official_name is not None:
        f_official_name = (f_official_name if type(f_official_name) is str and (f_official_name.isascii() or encodable(f_official_name)) else refuse())
    f_region = data['region']
    f_region = WORDS_Region[f_region]
    f_aliases = data.get('aliases', ABSENT)
    f_aliases = () if f_aliases is ABSENT else (tuple([(x if type(x) is str and (x.isascii() or encodable(x)) else refuse()) for x in f_aliases]) if type(f_aliases) is list or type(f_aliases) is tuple else refuse())
    f_mission = data.get('mission')
    if f_mission is not None:
        f_mission = (f_mission if type(f_mission) is Mission else structure_Mission(f_mission, None, None))
    f_states = data.get('states', ABSENT)
    f_states = () if f_states is ABSENT else (tuple([(x if type(x) is StateSpell else structure_StateSpell(x, None, None)) for x in f_states]) if type(f_states) is list or type(f_states) is tuple else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple(map(sources.__getitem__, f_sources))
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    SET_Partner_code(record, f_code)
    SET_Partner_alpha2(record, f_alpha2)
    SET_Partner_iso_numeric(record, f_iso_numeric)
    SET_Partner_cow_code(record, f_cow_code)
    SET_Partner_gw_code(record, f_gw_code)
    SET_Partner_name(record, f_name)
    SET_Partner_official_name(record, f_official_name)
    SET_Partner_region(record, f_region)
    SET_Partner_aliases(record, f_aliases)
    SET_Partner_mission(record, f_mission)
    SET_Partner_states(record, f_states)
    SET_Partner_sources(record, f_sources)
    SET_Partner_confidence(record, f_confidence)
    SET_Partner_note(record, f_note)
    return record


def structure_Programme(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Programme:
        raise Refused
    record = new(Programme)
    f_id = data['id']
    f_id = (f_id if type(f_id) is str and (f_id.isascii() or encodable(f_id)) else refuse())
    f_name = data['name']
    f_name = (f_name if type(f_name) is str and (f_name.isascii() or encodable(f_name)) else refuse())
    f_acronym = data.get('acronym')
    if f_acronym is not None:
        f_acronym = (f_acronym if type(f_acronym) is str and (f_acronym.isascii() or encodable(f_acronym)) else refuse())
    f_kind = data['kind']
    f_kind = WORDS_ProgrammeKind[f_kind]
    f_established = data.get('established')
    if f_established is not None:
        f_established = (parse_date(f_established) if type(f_established) is str else refuse())
    f_ended = data.get('ended')
    if f_ended is not None:
        f_ended = (parse_date(f_ended) if type(f_ended) is str else refuse())
    f_succeeded_by = data.get('succeeded_by')
    if f_succeeded_by is not None:
        f_succeeded_by = (f_succeeded_by if type(f_succeeded_by) is str and (f_succeeded_by.isascii() or encodable(f_succeeded_by)) else refuse())
    f_members_complete = data.get('members_complete', ABSENT)
    f_members_complete = False if f_members_complete is ABSENT else (f_members_complete if type(f_members_complete) is bool else refuse())
    f_description = data['description']
    f_description = (f_description if type(f_description) is str and (f_description.isascii() or encodable(f_description)) else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple(map(sources.__getitem__, f_sources))
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    SET_Programme_id(record, f_id)
    SET_Programme_name(record, f_name)
    SET_Programme_acronym(record, f_acronym)
    SET_Programme_kind(record, f_kind)
    SET_Programme_established(record, f_established)
    SET_Programme_ended(record, f_ended)
    SET_Programme_succeeded_by(record, f_succeeded_by)
    SET_Programme_members_complete(record, f_members_complete)
    SET_Programme_description(record, f_description)
    SET_Programme_sources(record, f_sources)
    SET_Programme_confidence(record, f_confidence)
    SET_Programme_note(record, f_note)
    return record


def structure_Membership(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Membership:
        raise Refused
    record = new(Membership)
    f_partner = data.get('partner', ABSENT)
    if code is not None:
        if f_partner is ABSENT:
            f_partner = code
        elif f_partner != code:
            raise Refused
    f_partner = (f_partner if type(f_partner) is str and (f_partner.isascii() or encodable(f_partner)) else refuse())
    f_programme = data['programme']
    f_programme = (f_programme if type(f_programme) is str and (f_programme.isascii() or encodable(f_programme)) else refuse())
    f_spell = data.get('spell', ABSENT)
    f_spell = 1 if f_spell is ABSENT else whole(f_spell)
    f_joined = data.get('joined')
    if f_joined is not None:
        f_joined = (parse_date(f_joined) if type(f_joined) is str else refuse())
    f_left = data.get('left')
    if f_left is not None:
        f_left = (parse_date(f_left) if type(f_left) is str else refuse())
    f_left_by = data.get('left_by')
    if f_left_by is not None:
        f_left_by = (parse_date(f_left_by) if type(f_left_by) is str else refuse())
    f_known_until = data.get('known_until')
    if f_known_until is not None:
        f_known_until = (parse_date(f_known_until) if type(f_known_until) is str else refuse())
    f_suspended = data.get('suspended')
    if f_suspended is not None:
        f_suspended = (parse_date(f_suspended) if type(f_suspended) is str else refuse())
    f_resumed = data.get('resumed')
    if f_resumed is not None:
        f_resumed = (parse_date(f_resumed) if type(f_resumed) is str else refuse())
    f_role = data.get('role')
    if f_role is not None:
        f_role = (f_role if type(f_role) is str and (f_role.isascii() or encodable(f_role)) else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple(map(sources.__getitem__, f_sources))
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    SET_Membership_partner(record, f_partner)
    SET_Membership_programme(record, f_programme)
    SET_Membership_spell(record, f_spell)
    SET_Membership_joined(record, f_joined)
    SET_Membership_left(record, f_left)
    SET_Membership_left_by(record, f_left_by)
    SET_Membership_known_until(record, f_known_until)
    SET_Membership_suspended(record, f_suspended)
    SET_Membership_resumed(record, f_resumed)
    SET_Membership_role(record, f_role)
    SET_Membership_sources(record, f_sources)
    SET_Membership_confidence(record, f_confidence)
    SET_Membership_note(record, f_note)
    return record


def structure_Milestone(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_Milestone:
        raise Refused
    record = new(Milestone)
    f_id = data['id']
    f_id = (f_id if type(f_id) is str and (f_id.isascii() or encodable(f_id)) else refuse())
    f_partner = data.get('partner', ABSENT)
    if code is not None:
        if f_partner is ABSENT:
            f_partner = code
        elif f_partner != code:
            raise Refused
    f_partner = (f_partner if type(f_partner) is str and (f_partner.isascii() or encodable(f_partner)) else refuse())
    f_date = data.get('date')
    if f_date is not None:
        f_date = (parse_date(f_date) if type(f_date) is str else refuse())
    f_kind = data['kind']
    f_kind = WORDS_MilestoneKind[f_kind]
    f_title = data['title']
    f_title = (f_title if type(f_title) is str and (f_title.isascii() or encodable(f_title)) else refuse())
    f_summary = data['summary']
    f_summary = (f_summary if type(f_summary) is str and (f_summary.isascii() or encodable(f_summary)) else refuse())
    f_programme = data.get('programme')
    if f_programme is not None:
        f_programme = (f_programme if type(f_programme) is str and (f_programme.isascii() or encodable(f_programme)) else refuse())
    f_areas = data.get('areas', ABSENT)
    f_areas = () if f_areas is ABSENT else (tuple(map(WORDS_Area.__getitem__, f_areas)) if type(f_areas) is list or type(f_areas) is tuple else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple(map(sources.__getitem__, f_sources))
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    SET_Milestone_id(record, f_id)
    SET_Milestone_partner(record, f_partner)
    SET_Milestone_date(record, f_date)
    SET_Milestone_kind(record, f_kind)
    SET_Milestone_title(record, f_title)
    SET_Milestone_summary(record, f_summary)
    SET_Milestone_programme(record, f_programme)
    SET_Milestone_areas(record, f_areas)
    SET_Milestone_sources(record, f_sources)
    SET_Milestone_confidence(record, f_confidence)
    SET_Milestone_note(record, f_note)
    return record


def structure_TrustFundProject(data, sources, code):
    if type(data) is not dict or not data.keys() <= FIELDS_TrustFundProject:
        raise Refused
    record = new(TrustFundProject)
    f_id = data['id']
    f_id = (f_id if type(f_id) is str and (f_id.isascii() or encodable(f_id)) else refuse())
    f_name = data['name']
    f_name = (f_name if type(f_name) is str and (f_name.isascii() or encodable(f_name)) else refuse())
    f_partner = data.get('partner', ABSENT)
    if code is not None:
        if f_partner is ABSENT:
            f_partner = code
        elif f_partner != code:
            raise Refused
    f_partner = (f_partner if type(f_partner) is str and (f_partner.isascii() or encodable(f_partner)) else refuse())
    f_executing_agency = data['executing_agency']
    f_executing_agency = (f_executing_agency if type(f_executing_agency) is str and (f_executing_agency.isascii() or encodable(f_executing_agency)) else refuse())
    f_partner_agency = data.get('partner_agency')
    if f_partner_agency is not None:
        f_partner_agency = (f_partner_agency if type(f_partner_agency) is str and (f_partner_agency.isascii() or encodable(f_partner_agency)) else refuse())
    f_lead_nations = data.get('lead_nations', ABSENT)
    f_lead_nations = () if f_lead_nations is ABSENT else (tuple([(x if type(x) is str and (x.isascii() or encodable(x)) else refuse()) for x in f_lead_nations]) if type(f_lead_nations) is list or type(f_lead_nations) is tuple else refuse())
    f_start = data.get('start')
    if f_start is not None:
        f_start = (parse_date(f_start) if type(f_start) is str else refuse())
    f_end = data.get('end')
    if f_end is not None:
        f_end = (parse_date(f_end) if type(f_end) is str else refuse())
    f_status = data['status']
    f_status = WORDS_ProjectStatus[f_status]
    f_status_as_of = data.get('status_as_of')
    if f_status_as_of is not None:
        f_status_as_of = (parse_date(f_status_as_of) if type(f_status_as_of) is str else refuse())
    f_purpose = data['purpose']
    f_purpose = (f_purpose if type(f_purpose) is str and (f_purpose.isascii() or encodable(f_purpose)) else refuse())
    f_funding = data.get('funding', ABSENT)
    f_funding = Funding.TRUST_FUND if f_funding is ABSENT else WORDS_Funding[f_funding]
    f_items_planned = data.get('items_planned')
    if f_items_planned is not None:
        f_items_planned = whole(f_items_planned)
    f_items_disposed = data.get('items_disposed')
    if f_items_disposed is not None:
        f_items_disposed = whole(f_items_disposed)
    f_tonnes_planned = data.get('tonnes_planned')
    if f_tonnes_planned is not None:
        f_tonnes_planned = number(f_tonnes_planned)
    f_tonnes_disposed = data.get('tonnes_disposed')
    if f_tonnes_disposed is not None:
        f_tonnes_disposed = number(f_tonnes_disposed)
    f_people_planned = data.get('people_planned')
    if f_people_planned is not None:
        f_people_planned = whole(f_people_planned)
    f_people_retrained = data.get('people_retrained')
    if f_people_retrained is not None:
        f_people_retrained = whole(f_people_retrained)
    f_area_planned_m2 = data.get('area_planned_m2')
    if f_area_planned_m2 is not None:
        f_area_planned_m2 = number(f_area_planned_m2)
    f_area_cleared_m2 = data.get('area_cleared_m2')
    if f_area_cleared_m2 is not None:
        f_area_cleared_m2 = number(f_area_cleared_m2)
    f_budget_eur = data.get('budget_eur')
    if f_budget_eur is not None:
        f_budget_eur = number(f_budget_eur)
    f_budget_amount = data.get('budget_amount')
    if f_budget_amount is not None:
        f_budget_amount = number(f_budget_amount)
    f_budget_currency = data.get('budget_currency')
    if f_budget_currency is not None:
        f_budget_currency = (f_budget_currency if type(f_budget_currency) is str and (f_budget_currency.isascii() or encodable(f_budget_currency)) else refuse())
    f_spent_eur = data.get('spent_eur')
    if f_spent_eur is not None:
        f_spent_eur = number(f_spent_eur)
    f_site = data.get('site')
    if f_site is not None:
        f_site = (f_site if type(f_site) is str and (f_site.isascii() or encodable(f_site)) else refuse())
    f_sources = data['sources']
    if sources is not None and type(f_sources) is list:
        f_sources = tuple(map(sources.__getitem__, f_sources))
    elif not (type(f_sources) is tuple and all(type(x) is Source for x in f_sources)):
        f_sources = (tuple([(x if type(x) is Source else structure_Source(x, None, None)) for x in f_sources]) if type(f_sources) is list or type(f_sources) is tuple else refuse())
    f_confidence = data.get('confidence', ABSENT)
    f_confidence = Confidence.HIGH if f_confidence is ABSENT else WORDS_Confidence[f_confidence]
    f_note = data.get('note')
    if f_note is not None:
        f_note = (f_note if type(f_note) is str and (f_note.isascii() or encodable(f_note)) else refuse())
    SET_TrustFundProject_id(record, f_id)
    SET_TrustFundProject_name(record, f_name)
    SET_TrustFundProject_partner(record, f_partner)
    SET_TrustFundProject_executing_agency(record, f_executing_agency)
    SET_TrustFundProject_partner_agency(record, f_partner_agency)
    SET_TrustFundProject_lead_nations(record, f_lead_nations)
    SET_TrustFundProject_start(record, f_start)
    SET_TrustFundProject_end(record, f_end)
    SET_TrustFundProject_status(record, f_status)
    SET_TrustFundProject_status_as_of(record, f_status_as_of)
    SET_TrustFundProject_purpose(record, f_purpose)
    SET_TrustFundProject_funding(record, f_funding)
    SET_TrustFundProject_items_planned(record, f_items_planned)
    SET_TrustFundProject_items_disposed(record, f_items_disposed)
    SET_TrustFundProject_tonnes_planned(record, f_tonnes_planned)
    SET_TrustFundProject_tonnes_disposed(record, f_tonnes_disposed)
    SET_TrustFundProject_people_planned(record, f_people_planned)
    SET_TrustFundProject_people_retrained(record, f_people_retrained)
    SET_TrustFundProject_area_planned_m2(record, f_area_planned_m2)
    SET_TrustFundProject_area_cleared_m2(record, f_area_cleared_m2)
    SET_TrustFundProject_budget_eur(record, f_budget_eur)
    SET_TrustFundProject_budget_amount(record, f_budget_amount)
    SET_TrustFundProject_budget_currency(record, f_budget_currency)
    SET_TrustFundProject_spent_eur(record, f_spent_eur)
    SET_TrustFundProject_site(record, f_site)
    SET_TrustFundProject_sources(record, f_sources)
    SET_TrustFundProject_confidence(record, f_confidence)
    SET_TrustFundProject_note(record, f_note)
    return record

STRUCTURERS: dict[type, FastStructurer] = {
    DatasetInfo: structure_DatasetInfo,
    Source: structure_Source,
    Mission: structure_Mission,
    StateSpell: structure_StateSpell,
    Partner: structure_Partner,
    Programme: structure_Programme,
    Membership: structure_Membership,
    Milestone: structure_Milestone,
    TrustFundProject: structure_TrustFundProject,
}
