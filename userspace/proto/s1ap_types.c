// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP ASN.1 types as descriptors (TS 36.413 v16.1.0, 9.3.4 S1AP-IEs,
 * 9.3.5 S1AP-CommonDataTypes, 9.3.7 S1AP-Containers): common types, UE and
 * E-RAB types.  Handover, status transfer and restriction types are in
 * s1ap_types_ho.c.  Every object is declared in s1ap_types.h.
 */
#include "proto/s1ap_types.h"

/* ---- 9.3.5 common data types, 9.3.7 containers ---- */
T_ENUM(criticality, "Criticality", 3, 0, "reject", "ignore", "notify");
T_INT(procedure_code, "ProcedureCode", 0, 255, 0);
T_INT(protocol_ie_id, "ProtocolIE-ID", 0, 65535, 0);
T_ENUM(triggering_message, "TriggeringMessage", 3, 0,
       "initiating-message", "successful-outcome", "unsuccessfull-outcome");

/* ProtocolIE-Field {id, criticality, value}; the value type follows the id */
const struct s1ap_type s1ap_t_ie_field = {
	.name = "ProtocolIE-Field", .kind = S1AP_K_FIELD,
};
/* ProtocolExtensionField: kept raw (no extension is interpreted) */
const struct s1ap_type s1ap_t_ext_field = {
	.name = "ProtocolExtensionField", .kind = S1AP_K_FIELD, .ext_field = 1,
};
T_LIST(ie_container, "ProtocolIE-Container", 0, 65535, ie_field);
T_LIST(ext_container, "ProtocolExtensionContainer", 1, 65535, ext_field);
/* Every S1AP message: SEQUENCE { protocolIEs ProtocolIE-Container, ... } */
T_SEQ(msg_body, "message", 1, M("protocolIEs", ie_container));

/* ---- identities ---- */
T_INT(mme_ue_s1ap_id, "MME-UE-S1AP-ID", 0, 4294967295u, 0);
T_INT(enb_ue_s1ap_id, "ENB-UE-S1AP-ID", 0, 16777215, 0);
T_OCT(plmn_identity, "PLMNidentity", 3, 3, 0);
T_OCT(tac, "TAC", 2, 2, 0);
T_OCT(lac, "LAC", 2, 2, 0);
T_OCT(rac, "RAC", 1, 1, 0);
T_OCT(ci, "CI", 2, 2, 0);
T_OCT(mme_group_id, "MME-Group-ID", 2, 2, 0);
T_OCT(mme_code, "MME-Code", 1, 1, 0);
T_OCT(m_tmsi, "M-TMSI", 4, 4, 0);
T_OCT(imsi, "IMSI", 3, 8, 0);
T_BITS(cell_identity, "CellIdentity", 28, 28, 0);
T_BITS(csg_id, "CSG-Id", 27, 27, 0);
T_BITS(macro_enb_id, "BIT STRING", 20, 20, 0);
T_BITS(home_enb_id, "BIT STRING", 28, 28, 0);
T_BITS(short_macro_enb_id, "BIT STRING", 18, 18, 0);
T_BITS(long_macro_enb_id, "BIT STRING", 21, 21, 0);
T_PRINTABLE(enb_name, "ENBname", 1, 150, 1);
T_PRINTABLE(mme_name, "MMEname", 1, 150, 1);

T_CHOICE(enb_id, "ENB-ID", 2, 1,
	 M("macroENB-ID", macro_enb_id), M("homeENB-ID", home_enb_id),
	 M("short-macroENB-ID", short_macro_enb_id), M("long-macroENB-ID", long_macro_enb_id));
T_SEQ(global_enb_id, "Global-ENB-ID", 1,
      M("pLMNidentity", plmn_identity), M("eNB-ID", enb_id), IEXT);
T_SEQ(tai, "TAI", 1, M("pLMNidentity", plmn_identity), M("tAC", tac), IEXT);
T_SEQ(eutran_cgi, "EUTRAN-CGI", 1,
      M("pLMNidentity", plmn_identity), M("cell-ID", cell_identity), IEXT);
T_SEQ(lai, "LAI", 1, M("pLMNidentity", plmn_identity), M("lAC", lac), IEXT);
T_SEQ(s_tmsi, "S-TMSI", 1, M("mMEC", mme_code), M("m-TMSI", m_tmsi), IEXT);
T_SEQ(gummei, "GUMMEI", 1,
      M("pLMN-Identity", plmn_identity), M("mME-Group-ID", mme_group_id),
      M("mME-Code", mme_code), IEXT);
T_SEQ(user_location_information, "UserLocationInformation", 1,
      M("eutran-cgi", eutran_cgi), M("tai", tai), IEXT);

/* ---- S1 setup ---- */
T_LIST(bplmns, "BPLMNs", 1, 6, plmn_identity);
T_SEQ(supported_tas_item, "SupportedTAs-Item", 1,
      M("tAC", tac), M("broadcastPLMNs", bplmns), IEXT);
T_LIST(supported_tas, "SupportedTAs", 1, 256, supported_tas_item);
T_ENUM(paging_drx, "PagingDRX", 4, 1, "v32", "v64", "v128", "v256");
T_SEQ(csg_id_list_item, "CSG-IdList-Item", 1, M("cSG-Id", csg_id), IEXT);
T_LIST(csg_id_list, "CSG-IdList", 1, 256, csg_id_list_item);
T_LIST(served_plmns, "ServedPLMNs", 1, 32, plmn_identity);
T_LIST(served_group_ids, "ServedGroupIDs", 1, 65535, mme_group_id);
T_LIST(served_mmecs, "ServedMMECs", 1, 256, mme_code);
T_SEQ(served_gummeis_item, "ServedGUMMEIsItem", 1,
      M("servedPLMNs", served_plmns), M("servedGroupIDs", served_group_ids),
      M("servedMMECs", served_mmecs), IEXT);
T_LIST(served_gummeis, "ServedGUMMEIs", 1, 8, served_gummeis_item);
T_INT(relative_mme_capacity, "RelativeMMECapacity", 0, 255, 0);
T_ENUM(mme_relay_support_indicator, "MMERelaySupportIndicator", 1, 1, "true");
T_ENUM(time_to_wait, "TimeToWait", 6, 1, "v1s", "v2s", "v5s", "v10s", "v20s", "v60s");
T_ENUM(ue_retention_information, "UE-RetentionInformation", 1, 1, "ues-retained");
T_ENUM(nb_iot_default_paging_drx, "NB-IoT-DefaultPagingDRX", 4, 1,
       "v128", "v256", "v512", "v1024");

/* ---- Cause (9.2.1.3), all choice groups ---- */
T_ENUM(cause_radio_network, "CauseRadioNetwork", 36, 1,
       "unspecified", "tx2relocoverall-expiry", "successful-handover",
       "release-due-to-eutran-generated-reason", "handover-cancelled", "partial-handover",
       "ho-failure-in-target-EPC-eNB-or-target-system", "ho-target-not-allowed",
       "tS1relocoverall-expiry", "tS1relocprep-expiry", "cell-not-available",
       "unknown-targetID", "no-radio-resources-available-in-target-cell",
       "unknown-mme-ue-s1ap-id", "unknown-enb-ue-s1ap-id", "unknown-pair-ue-s1ap-id",
       "handover-desirable-for-radio-reason", "time-critical-handover",
       "resource-optimisation-handover", "reduce-load-in-serving-cell", "user-inactivity",
       "radio-connection-with-ue-lost", "load-balancing-tau-required",
       "cs-fallback-triggered", "ue-not-available-for-ps-service",
       "radio-resources-not-available", "failure-in-radio-interface-procedure",
       "invalid-qos-combination", "interrat-redirection",
       "interaction-with-other-procedure", "unknown-E-RAB-ID",
       "multiple-E-RAB-ID-instances",
       "encryption-and-or-integrity-protection-algorithms-not-supported",
       "s1-intra-system-handover-triggered", "s1-inter-system-handover-triggered",
       "x2-handover-triggered",
       /* extension values */
       "redirection-towards-1xRTT", "not-supported-QCI-value", "invalid-CSG-Id",
       "release-due-to-pre-emption");
T_ENUM(cause_transport, "CauseTransport", 2, 1,
       "transport-resource-unavailable", "unspecified");
T_ENUM(cause_nas, "CauseNas", 4, 1,
       "normal-release", "authentication-failure", "detach", "unspecified",
       "csg-subscription-expiry");
T_ENUM(cause_protocol, "CauseProtocol", 7, 1,
       "transfer-syntax-error", "abstract-syntax-error-reject",
       "abstract-syntax-error-ignore-and-notify", "message-not-compatible-with-receiver-state",
       "semantic-error", "abstract-syntax-error-falsely-constructed-message", "unspecified");
T_ENUM(cause_misc, "CauseMisc", 6, 1,
       "control-processing-overload", "not-enough-user-plane-processing-resources",
       "hardware-failure", "om-intervention", "unspecified", "unknown-PLMN");
T_CHOICE(cause, "Cause", 5, 1,
	 M("radioNetwork", cause_radio_network), M("transport", cause_transport),
	 M("nas", cause_nas), M("protocol", cause_protocol), M("misc", cause_misc));

/* ---- CriticalityDiagnostics (9.2.1.21) ---- */
T_ENUM(type_of_error, "TypeOfError", 2, 1, "not-understood", "missing");
T_SEQ(crit_diag_ie_item, "CriticalityDiagnostics-IE-Item", 1,
      M("iECriticality", criticality), M("iE-ID", protocol_ie_id),
      M("typeOfError", type_of_error), IEXT);
T_LIST(crit_diag_ie_list, "CriticalityDiagnostics-IE-List", 1, 256, crit_diag_ie_item);
T_SEQ(criticality_diagnostics, "CriticalityDiagnostics", 1,
      O("procedureCode", procedure_code), O("triggeringMessage", triggering_message),
      O("procedureCriticality", criticality),
      O("iEsCriticalityDiagnostics", crit_diag_ie_list), IEXT);

/* ---- NAS transport, initial UE message ---- */
T_OCT(nas_pdu, "NAS-PDU", 0, S1AP_UNBOUNDED, 0);
T_ENUM(rrc_establishment_cause, "RRC-Establishment-Cause", 5, 1,
       "emergency", "highPriorityAccess", "mt-Access", "mo-Signalling", "mo-Data",
       "delay-TolerantAccess", "mo-VoiceCall", "mo-ExceptionData");
T_ENUM(cell_access_mode, "CellAccessMode", 1, 1, "hybrid");
T_ENUM(relay_node_indicator, "RelayNode-Indicator", 1, 1, "true");
T_ENUM(gummei_type, "GUMMEIType", 2, 1, "native", "mapped", "mappedFrom5G");
T_INT(ue_usage_type, "UE-Usage-Type", 0, 255, 0);
T_INT(subscriber_profile_id, "SubscriberProfileIDforRFP", 1, 256, 0);
T_ENUM(srvcc_operation_possible, "SRVCCOperationPossible", 1, 1, "possible");
T_ENUM(srvcc_operation_not_possible, "SRVCCOperationNotPossible", 1, 1, "notPossible");
T_ENUM(dl_nas_pdu_delivery_ack_request, "DLNASPDUDeliveryAckRequest", 1, 1, "requested");
T_ENUM(csg_membership_status, "CSGMembershipStatus", 2, 0, "member", "not-member");
T_ENUM(cs_fallback_indicator, "CSFallbackIndicator", 1, 1,
       "cs-fallback-required", "cs-fallback-high-priority");
T_ENUM(additional_cs_fallback_indicator, "AdditionalCSFallbackIndicator", 2, 1,
       "no-restriction", "restriction");
T_ENUM(gw_context_release_indication, "GWContextReleaseIndication", 1, 1, "true");
T_ENUM(ue_capability_info_request, "UECapabilityInfoRequest", 1, 1, "requested");
T_ENUM(pending_data_indication, "PendingDataIndication", 1, 1, "true");
T_ENUM(end_indication, "EndIndication", 2, 1, "no-further-data", "further-data-exists");

/* ---- UE context, security ---- */
T_INT(bit_rate, "BitRate", 0, 10000000000ull, 0);
T_SEQ(ue_ambr, "UEAggregateMaximumBitrate", 1,
      M("uEaggregateMaximumBitRateDL", bit_rate), M("uEaggregateMaximumBitRateUL", bit_rate),
      IEXT);
T_BITS(encryption_algorithms, "EncryptionAlgorithms", 16, 16, 1);
T_BITS(integrity_algorithms, "IntegrityProtectionAlgorithms", 16, 16, 1);
T_SEQ(ue_security_capabilities, "UESecurityCapabilities", 1,
      M("encryptionAlgorithms", encryption_algorithms),
      M("integrityProtectionAlgorithms", integrity_algorithms), IEXT);
T_BITS(security_key, "SecurityKey", 256, 256, 0);
T_INT(next_hop_chaining_count, "INTEGER", 0, 7, 0);
T_SEQ(security_context, "SecurityContext", 1,
      M("nextHopChainingCount", next_hop_chaining_count),
      M("nextHopParameter", security_key), IEXT);
T_OCT(ue_radio_capability, "UERadioCapability", 0, S1AP_UNBOUNDED, 0);
T_OCT(ue_radio_capability_for_paging, "UERadioCapabilityForPaging", 0, S1AP_UNBOUNDED, 0);
T_BITS(masked_imeisv, "Masked-IMEISV", 64, 64, 0);
T_SEQ(ue_s1ap_id_pair, "UE-S1AP-ID-pair", 1,
      M("mME-UE-S1AP-ID", mme_ue_s1ap_id), M("eNB-UE-S1AP-ID", enb_ue_s1ap_id), IEXT);
T_CHOICE(ue_s1ap_ids, "UE-S1AP-IDs", 2, 1,
	 M("uE-S1AP-ID-pair", ue_s1ap_id_pair), M("mME-UE-S1AP-ID", mme_ue_s1ap_id));

/* ---- Paging ---- */
T_BITS(ue_identity_index_value, "UEIdentityIndexValue", 10, 10, 0);
T_CHOICE(ue_paging_id, "UEPagingID", 2, 1, M("s-TMSI", s_tmsi), M("iMSI", imsi));
T_ENUM(cn_domain, "CNDomain", 2, 0, "ps", "cs");
T_SEQ(tai_item, "TAIItem", 1, M("tAI", tai), IEXT);
T_LIST(tai_list, "TAIList", 1, 256, ie_field);
T_ENUM(paging_priority, "PagingPriority", 8, 1, "priolevel1", "priolevel2", "priolevel3",
       "priolevel4", "priolevel5", "priolevel6", "priolevel7", "priolevel8");

/* ---- Reset ---- */
T_ENUM(reset_all, "ResetAll", 1, 1, "reset-all");
T_SEQ(ue_assoc_s1_conn_item, "UE-associatedLogicalS1-ConnectionItem", 1,
      O("mME-UE-S1AP-ID", mme_ue_s1ap_id), O("eNB-UE-S1AP-ID", enb_ue_s1ap_id), IEXT);
T_LIST(ue_assoc_s1_conn_list, "UE-associatedLogicalS1-ConnectionList", 1, 256, ie_field);
T_CHOICE(reset_type, "ResetType", 2, 1,
	 M("s1-Interface", reset_all), M("partOfS1-Interface", ue_assoc_s1_conn_list));

/* ---- E-RAB level QoS (9.2.1.15), E-RAB lists ---- */
T_INT(e_rab_id, "E-RAB-ID", 0, 15, 1);
T_INT(qci, "QCI", 0, 255, 0);
T_INT(priority_level, "PriorityLevel", 0, 15, 0);
T_ENUM(pre_emption_capability, "Pre-emptionCapability", 2, 0,
       "shall-not-trigger-pre-emption", "may-trigger-pre-emption");
T_ENUM(pre_emption_vulnerability, "Pre-emptionVulnerability", 2, 0,
       "not-pre-emptable", "pre-emptable");
T_SEQ(arp, "AllocationAndRetentionPriority", 1,
      M("priorityLevel", priority_level), M("pre-emptionCapability", pre_emption_capability),
      M("pre-emptionVulnerability", pre_emption_vulnerability), IEXT);
T_SEQ(gbr_qos_information, "GBR-QosInformation", 1,
      M("e-RAB-MaximumBitrateDL", bit_rate), M("e-RAB-MaximumBitrateUL", bit_rate),
      M("e-RAB-GuaranteedBitrateDL", bit_rate), M("e-RAB-GuaranteedBitrateUL", bit_rate),
      IEXT);
T_SEQ(e_rab_level_qos, "E-RABLevelQoSParameters", 1,
      M("qCI", qci), M("allocationRetentionPriority", arp),
      O("gbrQosInformation", gbr_qos_information), IEXT);
T_BITS(transport_layer_address, "TransportLayerAddress", 1, 160, 1);
T_OCT(gtp_teid, "GTP-TEID", 4, 4, 0);
T_LIST(e_rab_field_list, "E-RAB-IE-ContainerList", 1, 256, ie_field);

T_SEQ(e_rab_to_be_setup_item_ctxt_su_req, "E-RABToBeSetupItemCtxtSUReq", 1,
      M("e-RAB-ID", e_rab_id), M("e-RABlevelQoSParameters", e_rab_level_qos),
      M("transportLayerAddress", transport_layer_address), M("gTP-TEID", gtp_teid),
      O("nAS-PDU", nas_pdu), IEXT);
T_SEQ(e_rab_to_be_setup_item_bearer_su_req, "E-RABToBeSetupItemBearerSUReq", 1,
      M("e-RAB-ID", e_rab_id), M("e-RABlevelQoSParameters", e_rab_level_qos),
      M("transportLayerAddress", transport_layer_address), M("gTP-TEID", gtp_teid),
      M("nAS-PDU", nas_pdu), IEXT);
T_SEQ(e_rab_setup_item_ctxt_su_res, "E-RABSetupItemCtxtSURes", 1,
      M("e-RAB-ID", e_rab_id), M("transportLayerAddress", transport_layer_address),
      M("gTP-TEID", gtp_teid), IEXT);
T_SEQ(e_rab_setup_item_bearer_su_res, "E-RABSetupItemBearerSURes", 1,
      M("e-RAB-ID", e_rab_id), M("transportLayerAddress", transport_layer_address),
      M("gTP-TEID", gtp_teid), IEXT);
T_SEQ(e_rab_to_be_modified_item_bearer_mod_req, "E-RABToBeModifiedItemBearerModReq", 1,
      M("e-RAB-ID", e_rab_id), M("e-RABLevelQoSParameters", e_rab_level_qos),
      M("nAS-PDU", nas_pdu), IEXT);
T_SEQ(e_rab_modify_item_bearer_mod_res, "E-RABModifyItemBearerModRes", 1,
      M("e-RAB-ID", e_rab_id), IEXT);
T_SEQ(e_rab_release_item_bearer_rel_comp, "E-RABReleaseItemBearerRelComp", 1,
      M("e-RAB-ID", e_rab_id), IEXT);
T_SEQ(e_rab_item, "E-RABItem", 1, M("e-RAB-ID", e_rab_id), M("cause", cause), IEXT);

/* ---- every listed type by its number (s1ap_type_list.h) ---- */
#define BY_TID(id) [S1AP_TID_##id] = &s1ap_t_##id,
#define TID_NAME(id) [S1AP_TID_##id] = #id,
const struct s1ap_type *const s1ap_types_by_tid[S1AP_TID_COUNT] = { S1AP_TYPE_LIST(BY_TID) };
const char *const s1ap_tid_names[S1AP_TID_COUNT] = { S1AP_TYPE_LIST(TID_NAME) };
