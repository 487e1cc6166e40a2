/* SPDX-License-Identifier: GPL-2.0 */
/*
 * S1AP ProtocolIE-IDs (TS 36.413 v16.1.0, 9.3.6 S1AP-Constants), sorted by
 * id, with the type each one carries (9.3.3 S1AP-PDU-Contents, 9.3.4
 * S1AP-IEs):
 *
 *   T(id, NAME, "ASN.1 name", type)   value decoded with s1ap_t_<type>
 *   R(id, NAME, "ASN.1 name")         value framed and kept as raw open-type
 *                                     bytes (cdma2000 tunnelling, MDT, NB-IoT...)
 *
 * NAME gives the constant S1AP_IE_<NAME> (enum s1ap_ie_id in s1ap.h); the
 * table of s1ap_ies.c is built from the same list.
 */
#ifndef AGW_PROTO_S1AP_IE_LIST_H
#define AGW_PROTO_S1AP_IE_LIST_H

#define S1AP_IE_ID_MAX	299

#define S1AP_IE_LIST(T, R) \
	T(0, MME_UE_S1AP_ID, "MME-UE-S1AP-ID", mme_ue_s1ap_id) \
	T(1, HANDOVER_TYPE, "HandoverType", handover_type) \
	T(2, CAUSE, "Cause", cause) \
	R(3, SOURCE_ID, "SourceID") \
	T(4, TARGET_ID, "TargetID", target_id) \
	T(8, ENB_UE_S1AP_ID, "eNB-UE-S1AP-ID", enb_ue_s1ap_id) \
	T(12, E_RAB_SUBJECT_TO_DATA_FORWARDING_LIST, "E-RABSubjecttoDataForwardingList", e_rab_field_list) \
	T(13, E_RAB_TO_RELEASE_LIST_HO_CMD, "E-RABtoReleaseListHOCmd", e_rab_field_list) \
	T(14, E_RAB_DATA_FORWARDING_ITEM, "E-RABDataForwardingItem", e_rab_data_forwarding_item) \
	T(15, E_RAB_RELEASE_ITEM_BEARER_REL_COMP, "E-RABReleaseItemBearerRelComp", e_rab_release_item_bearer_rel_comp) \
	T(16, E_RAB_TO_BE_SETUP_LIST_BEARER_SU_REQ, "E-RABToBeSetupListBearerSUReq", e_rab_field_list) \
	T(17, E_RAB_TO_BE_SETUP_ITEM_BEARER_SU_REQ, "E-RABToBeSetupItemBearerSUReq", e_rab_to_be_setup_item_bearer_su_req) \
	T(18, E_RAB_ADMITTED_LIST, "E-RABAdmittedList", e_rab_field_list) \
	T(19, E_RAB_FAILED_TO_SETUP_LIST_HO_REQ_ACK, "E-RABFailedToSetupListHOReqAck", e_rab_field_list) \
	T(20, E_RAB_ADMITTED_ITEM, "E-RABAdmittedItem", e_rab_admitted_item) \
	T(21, E_RAB_FAILED_TO_SETUP_ITEM_HO_REQ_ACK, "E-RABFailedtoSetupItemHOReqAck", e_rab_failed_to_setup_item_ho_req_ack) \
	T(22, E_RAB_TO_BE_SWITCHED_DL_LIST, "E-RABToBeSwitchedDLList", e_rab_field_list) \
	T(23, E_RAB_TO_BE_SWITCHED_DL_ITEM, "E-RABToBeSwitchedDLItem", e_rab_to_be_switched_dl_item) \
	T(24, E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ, "E-RABToBeSetupListCtxtSUReq", e_rab_field_list) \
	T(25, TRACE_ACTIVATION, "TraceActivation", trace_activation) \
	T(26, NAS_PDU, "NAS-PDU", nas_pdu) \
	T(27, E_RAB_TO_BE_SETUP_ITEM_HO_REQ, "E-RABToBeSetupItemHOReq", e_rab_to_be_setup_item_ho_req) \
	T(28, E_RAB_SETUP_LIST_BEARER_SU_RES, "E-RABSetupListBearerSURes", e_rab_field_list) \
	T(29, E_RAB_FAILED_TO_SETUP_LIST_BEARER_SU_RES, "E-RABFailedToSetupListBearerSURes", e_rab_field_list) \
	T(30, E_RAB_TO_BE_MODIFIED_LIST_BEARER_MOD_REQ, "E-RABToBeModifiedListBearerModReq", e_rab_field_list) \
	T(31, E_RAB_MODIFY_LIST_BEARER_MOD_RES, "E-RABModifyListBearerModRes", e_rab_field_list) \
	T(32, E_RAB_FAILED_TO_MODIFY_LIST, "E-RABFailedToModifyList", e_rab_field_list) \
	T(33, E_RAB_TO_BE_RELEASED_LIST, "E-RABToBeReleasedList", e_rab_field_list) \
	T(34, E_RAB_FAILED_TO_RELEASE_LIST, "E-RABFailedToReleaseList", e_rab_field_list) \
	T(35, E_RAB_ITEM, "E-RABItem", e_rab_item) \
	T(36, E_RAB_TO_BE_MODIFIED_ITEM_BEARER_MOD_REQ, "E-RABToBeModifiedItemBearerModReq", e_rab_to_be_modified_item_bearer_mod_req) \
	T(37, E_RAB_MODIFY_ITEM_BEARER_MOD_RES, "E-RABModifyItemBearerModRes", e_rab_modify_item_bearer_mod_res) \
	R(38, E_RAB_RELEASE_ITEM, "E-RABReleaseItem") \
	T(39, E_RAB_SETUP_ITEM_BEARER_SU_RES, "E-RABSetupItemBearerSURes", e_rab_setup_item_bearer_su_res) \
	T(40, SECURITY_CONTEXT, "SecurityContext", security_context) \
	T(41, HANDOVER_RESTRICTION_LIST, "HandoverRestrictionList", handover_restriction_list) \
	T(43, UE_PAGING_ID, "UEPagingID", ue_paging_id) \
	T(44, PAGING_DRX, "pagingDRX", paging_drx) \
	T(46, TAI_LIST, "TAIList", tai_list) \
	T(47, TAI_ITEM, "TAIItem", tai_item) \
	T(48, E_RAB_FAILED_TO_SETUP_LIST_CTXT_SU_RES, "E-RABFailedToSetupListCtxtSURes", e_rab_field_list) \
	R(49, E_RAB_RELEASE_ITEM_HO_CMD, "E-RABReleaseItemHOCmd") \
	T(50, E_RAB_SETUP_ITEM_CTXT_SU_RES, "E-RABSetupItemCtxtSURes", e_rab_setup_item_ctxt_su_res) \
	T(51, E_RAB_SETUP_LIST_CTXT_SU_RES, "E-RABSetupListCtxtSURes", e_rab_field_list) \
	T(52, E_RAB_TO_BE_SETUP_ITEM_CTXT_SU_REQ, "E-RABToBeSetupItemCtxtSUReq", e_rab_to_be_setup_item_ctxt_su_req) \
	T(53, E_RAB_TO_BE_SETUP_LIST_HO_REQ, "E-RABToBeSetupListHOReq", e_rab_field_list) \
	R(55, GERAN_TO_LTE_HO_INFORMATION_RES, "GERANtoLTEHOInformationRes") \
	R(57, UTRAN_TO_LTE_HO_INFORMATION_RES, "UTRANtoLTEHOInformationRes") \
	T(58, CRITICALITY_DIAGNOSTICS, "CriticalityDiagnostics", criticality_diagnostics) \
	T(59, GLOBAL_ENB_ID, "Global-ENB-ID", global_enb_id) \
	T(60, ENB_NAME, "eNBname", enb_name) \
	T(61, MME_NAME, "MMEname", mme_name) \
	T(63, SERVED_PLMNS, "ServedPLMNs", served_plmns) \
	T(64, SUPPORTED_TAS, "SupportedTAs", supported_tas) \
	T(65, TIME_TO_WAIT, "TimeToWait", time_to_wait) \
	T(66, UE_AGGREGATE_MAXIMUM_BITRATE, "uEaggregateMaximumBitrate", ue_ambr) \
	T(67, TAI, "TAI", tai) \
	T(69, E_RAB_RELEASE_LIST_BEARER_REL_COMP, "E-RABReleaseListBearerRelComp", e_rab_field_list) \
	R(70, CDMA2000_PDU, "cdma2000PDU") \
	R(71, CDMA2000_RAT_TYPE, "cdma2000RATType") \
	R(72, CDMA2000_SECTOR_ID, "cdma2000SectorID") \
	T(73, SECURITY_KEY, "SecurityKey", security_key) \
	T(74, UE_RADIO_CAPABILITY, "UERadioCapability", ue_radio_capability) \
	T(75, GUMMEI_ID, "GUMMEI-ID", gummei) \
	R(78, E_RAB_INFORMATION_LIST_ITEM, "E-RABInformationListItem") \
	T(79, DIRECT_FORWARDING_PATH_AVAILABILITY, "Direct-Forwarding-Path-Availability", direct_forwarding_path_availability) \
	T(80, UE_IDENTITY_INDEX_VALUE, "UEIdentityIndexValue", ue_identity_index_value) \
	R(83, CDMA2000_HO_STATUS, "cdma2000HOStatus") \
	R(84, CDMA2000_HO_REQUIRED_INDICATION, "cdma2000HORequiredIndication") \
	T(86, E_UTRAN_TRACE_ID, "E-UTRAN-Trace-ID", e_utran_trace_id) \
	T(87, RELATIVE_MME_CAPACITY, "RelativeMMECapacity", relative_mme_capacity) \
	T(88, SOURCE_MME_UE_S1AP_ID, "SourceMME-UE-S1AP-ID", mme_ue_s1ap_id) \
	T(89, BEARERS_SUBJECT_TO_STATUS_TRANSFER_ITEM, "Bearers-SubjectToStatusTransfer-Item", bearers_subject_to_status_transfer_item) \
	T(90, ENB_STATUS_TRANSFER_TRANSPARENT_CONTAINER, "eNB-StatusTransfer-TransparentContainer", enb_status_transfer_container) \
	T(91, UE_ASSOCIATED_LOGICAL_S1_CONNECTION_ITEM, "UE-associatedLogicalS1-ConnectionItem", ue_assoc_s1_conn_item) \
	T(92, RESET_TYPE, "ResetType", reset_type) \
	T(93, UE_ASSOCIATED_LOGICAL_S1_CONNECTION_LIST_RES_ACK, "UE-associatedLogicalS1-ConnectionListResAck", ue_assoc_s1_conn_list) \
	T(94, E_RAB_TO_BE_SWITCHED_UL_ITEM, "E-RABToBeSwitchedULItem", e_rab_to_be_switched_ul_item) \
	T(95, E_RAB_TO_BE_SWITCHED_UL_LIST, "E-RABToBeSwitchedULList", e_rab_field_list) \
	T(96, S_TMSI, "S-TMSI", s_tmsi) \
	R(97, CDMA2000_ONE_X_RAND, "cdma2000OneXRAND") \
	R(98, REQUEST_TYPE, "RequestType") \
	T(99, UE_S1AP_IDS, "UE-S1AP-IDs", ue_s1ap_ids) \
	T(100, EUTRAN_CGI, "EUTRAN-CGI", eutran_cgi) \
	R(101, OVERLOAD_RESPONSE, "OverloadResponse") \
	R(102, CDMA2000_ONE_X_SRVCC_INFO, "cdma2000OneXSRVCCInfo") \
	T(103, E_RAB_FAILED_TO_BE_RELEASED_LIST, "E-RABFailedToBeReleasedList", e_rab_field_list) \
	T(104, SOURCE_TO_TARGET_TRANSPARENT_CONTAINER, "Source-ToTarget-TransparentContainer", transparent_container) \
	T(105, SERVED_GUMMEIS, "ServedGUMMEIs", served_gummeis) \
	T(106, SUBSCRIBER_PROFILE_ID_FOR_RFP, "SubscriberProfileIDforRFP", subscriber_profile_id) \
	T(107, UE_SECURITY_CAPABILITIES, "UESecurityCapabilities", ue_security_capabilities) \
	T(108, CS_FALLBACK_INDICATOR, "CSFallbackIndicator", cs_fallback_indicator) \
	T(109, CN_DOMAIN, "CNDomain", cn_domain) \
	T(110, E_RAB_RELEASED_LIST, "E-RABReleasedList", e_rab_field_list) \
	T(123, TARGET_TO_SOURCE_TRANSPARENT_CONTAINER, "Target-ToSource-TransparentContainer", transparent_container) \
	T(124, SRVCC_OPERATION_POSSIBLE, "SRVCCOperationPossible", srvcc_operation_possible) \
	T(125, SRVCC_HO_INDICATION, "SRVCCHOIndication", srvcc_ho_indication) \
	T(127, CSG_ID, "CSG-Id", csg_id) \
	T(128, CSG_ID_LIST, "CSG-IdList", csg_id_list) \
	T(129, SON_CONFIGURATION_TRANSFER_ECT, "SONConfigurationTransferECT", son_configuration_transfer) \
	T(130, SON_CONFIGURATION_TRANSFER_MCT, "SONConfigurationTransferMCT", son_configuration_transfer) \
	T(131, TRACE_COLLECTION_ENTITY_IP_ADDRESS, "TraceCollectionEntityIPAddress", transport_layer_address) \
	T(132, MS_CLASSMARK_2, "MSClassmark2", transparent_container) \
	T(133, MS_CLASSMARK_3, "MSClassmark3", transparent_container) \
	T(134, RRC_ESTABLISHMENT_CAUSE, "RRC-Establishment-Cause", rrc_establishment_cause) \
	T(135, NAS_SECURITY_PARAMETERS_FROM_E_UTRAN, "NASSecurityParametersfromE-UTRAN", transparent_container) \
	T(136, NAS_SECURITY_PARAMETERS_TO_E_UTRAN, "NASSecurityParameterstoE-UTRAN", transparent_container) \
	T(137, DEFAULT_PAGING_DRX, "DefaultPagingDRX", paging_drx) \
	T(138, SOURCE_TO_TARGET_TRANSPARENT_CONTAINER_SECONDARY, "Source-ToTarget-TransparentContainer-Secondary", transparent_container) \
	T(139, TARGET_TO_SOURCE_TRANSPARENT_CONTAINER_SECONDARY, "Target-ToSource-TransparentContainer-Secondary", transparent_container) \
	T(145, CELL_ACCESS_MODE, "CellAccessMode", cell_access_mode) \
	T(146, CSG_MEMBERSHIP_STATUS, "CSGMembershipStatus", csg_membership_status) \
	T(150, PS_SERVICE_NOT_AVAILABLE, "PS-ServiceNotAvailable", ps_service_not_available) \
	T(151, PAGING_PRIORITY, "PagingPriority", paging_priority) \
	T(155, GW_TRANSPORT_LAYER_ADDRESS, "GW-TransportLayerAddress", transport_layer_address) \
	R(156, CORRELATION_ID, "Correlation-ID") \
	T(157, SOURCE_MME_GUMMEI, "SourceMME-GUMMEI", gummei) \
	T(158, MME_UE_S1AP_ID_2, "MME-UE-S1AP-ID-2", mme_ue_s1ap_id) \
	T(159, REGISTERED_LAI, "RegisteredLAI", lai) \
	T(160, RELAY_NODE_INDICATOR, "RelayNode-Indicator", relay_node_indicator) \
	T(163, MME_RELAY_SUPPORT_INDICATOR, "MMERelaySupportIndicator", mme_relay_support_indicator) \
	T(164, GW_CONTEXT_RELEASE_INDICATION, "GWContextReleaseIndication", gw_context_release_indication) \
	R(165, MANAGEMENT_BASED_MDT_ALLOWED, "ManagementBasedMDTAllowed") \
	T(170, GUMMEI_TYPE, "GUMMEIType", gummei_type) \
	R(176, TUNNEL_INFORMATION_FOR_BBF, "Tunnel-Information-for-BBF") \
	R(177, MANAGEMENT_BASED_MDT_PLMN_LIST, "ManagementBasedMDTPLMNList") \
	R(183, SIPTO_CORRELATION_ID, "SIPTO-Correlation-ID") \
	T(184, SIPTO_L_GW_TRANSPORT_LAYER_ADDRESS, "SIPTO-L-GW-TransportLayerAddress", transport_layer_address) \
	R(185, TRANSPORT_INFORMATION, "TransportInformation") \
	R(186, LHN_ID, "LHN-ID") \
	T(187, ADDITIONAL_CS_FALLBACK_INDICATOR, "AdditionalCSFallbackIndicator", additional_cs_fallback_indicator) \
	T(189, USER_LOCATION_INFORMATION, "UserLocationInformation", user_location_information) \
	T(192, MASKED_IMEISV, "Masked-IMEISV", masked_imeisv) \
	R(195, PRO_SE_AUTHORIZED, "ProSeAuthorized") \
	R(196, EXPECTED_UE_BEHAVIOUR, "ExpectedUEBehaviour") \
	T(198, UE_RADIO_CAPABILITY_FOR_PAGING, "UERadioCapabilityForPaging", ue_radio_capability_for_paging) \
	R(211, ASSISTANCE_DATA_FOR_PAGING, "AssistanceDataForPaging") \
	R(212, CELL_IDENTIFIER_AND_CE_LEVEL_FOR_CE_CAPABLE_UES, "CellIdentifierAndCELevelForCECapableUEs") \
	R(213, INFORMATION_ON_RECOMMENDED_CELLS_AND_ENBS_FOR_PAGING, "InformationOnRecommendedCellsAndENBsForPaging") \
	T(223, MME_GROUP_ID, "MME-Group-ID", mme_group_id) \
	R(224, ADDITIONAL_GUTI, "Additional-GUTI") \
	R(226, CSG_MEMBERSHIP_INFO, "CSGMembershipInfo") \
	R(227, PAGING_EDRX_INFORMATION, "Paging-eDRXInformation") \
	T(228, UE_RETENTION_INFORMATION, "UE-RetentionInformation", ue_retention_information) \
	T(230, UE_USAGE_TYPE, "UE-Usage-Type", ue_usage_type) \
	R(231, EXTENDED_UE_IDENTITY_INDEX_VALUE, "extended-UEIdentityIndexValue") \
	R(233, BEARER_TYPE, "BearerType") \
	T(234, NB_IOT_DEFAULT_PAGING_DRX, "NB-IoT-DefaultPagingDRX", nb_iot_default_paging_drx) \
	R(239, NB_IOT_PAGING_EDRX_INFORMATION, "NB-IoT-Paging-eDRXInformation") \
	R(240, V2X_SERVICES_AUTHORIZED, "V2XServicesAuthorized") \
	R(241, UE_USER_PLANE_CIOT_SUPPORT_INDICATOR, "UEUserPlaneCIoTSupportIndicator") \
	R(242, CE_MODE_B_SUPPORT_INDICATOR, "CE-mode-B-SupportIndicator") \
	T(243, SRVCC_OPERATION_NOT_POSSIBLE, "SRVCCOperationNotPossible", srvcc_operation_not_possible) \
	R(244, NB_IOT_UE_IDENTITY_INDEX_VALUE, "NB-IoT-UEIdentityIndexValue") \
	T(245, RRC_RESUME_CAUSE, "RRC-Resume-Cause", rrc_establishment_cause) \
	R(246, DCN_ID, "DCN-ID") \
	R(247, SERVED_DCNS, "ServedDCNs") \
	R(248, UE_SIDELINK_AGGREGATE_MAXIMUM_BITRATE, "UESidelinkAggregateMaximumBitrate") \
	T(249, DL_NAS_PDU_DELIVERY_ACK_REQUEST, "DLNASPDUDeliveryAckRequest", dl_nas_pdu_delivery_ack_request) \
	R(250, COVERAGE_LEVEL, "Coverage-Level") \
	R(251, ENHANCED_COVERAGE_RESTRICTED, "EnhancedCoverageRestricted") \
	R(263, UE_APPLICATION_LAYER_MEASUREMENT_CAPABILITY, "UE-Application-Layer-Measurement-Capability") \
	R(264, SECONDARY_RAT_DATA_USAGE_REPORT_LIST, "SecondaryRATDataUsageReportList") \
	R(268, SECONDARY_RAT_DATA_USAGE_REQUEST, "SecondaryRATDataUsageRequest") \
	R(269, NR_UE_SECURITY_CAPABILITIES, "NRUESecurityCapabilities") \
	R(271, CE_MODE_B_RESTRICTED, "CE-ModeBRestricted") \
	R(272, LTE_M_INDICATION, "LTE-M-Indication") \
	T(275, UE_CAPABILITY_INFO_REQUEST, "UECapabilityInfoRequest", ue_capability_info_request) \
	R(277, AERIAL_UE_SUBSCRIPTION_INFORMATION, "AerialUEsubscriptionInformation") \
	R(278, SUBSCRIPTION_BASED_UE_DIFFERENTIATION_INFO, "Subscription-Based-UE-DifferentiationInfo") \
	T(280, END_INDICATION, "EndIndication", end_indication) \
	R(281, EDT_SESSION, "EDT-Session") \
	T(283, PENDING_DATA_INDICATION, "PendingDataIndication", pending_data_indication) \
	R(288, PSCELL_INFORMATION, "PSCellInformation") \
	R(291, CONNECTED_EN_GNB_LIST, "ConnectedengNBList") \
	R(292, CONNECTED_EN_GNB_TO_ADD_LIST, "ConnectedengNBToAddList") \
	R(293, CONNECTED_EN_GNB_TO_REMOVE_LIST, "ConnectedengNBToRemoveList") \
	R(294, EN_DC_SON_CONFIGURATION_TRANSFER_ECT, "EN-DCSONConfigurationTransfer-ECT") \
	R(295, EN_DC_SON_CONFIGURATION_TRANSFER_MCT, "EN-DCSONConfigurationTransfer-MCT") \
	R(297, TIME_SINCE_SECONDARY_NODE_RELEASE, "TimeSinceSecondaryNodeRelease") \
	R(299, ADDITIONAL_RRM_PRIORITY_INDEX, "AdditionalRRMPriorityIndex")

#endif
