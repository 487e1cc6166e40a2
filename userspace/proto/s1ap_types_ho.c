// SPDX-License-Identifier: GPL-2.0
/*
 * S1AP ASN.1 types as descriptors (TS 36.413 v16.1.0, 9.3.4 S1AP-IEs):
 * handover, path switch, status transfer, handover restriction and trace
 * types.  Declared in s1ap_types.h.
 */
#include "proto/s1ap_types.h"

/* ---- handover preparation / resource allocation ---- */
T_ENUM(handover_type, "HandoverType", 5, 1,
       "intralte", "ltetoutran", "ltetogeran", "utrantolte", "gerantolte",
       "eps-to-5gs", "fivegs-to-eps");
T_OCT(transparent_container, "OCTET STRING", 0, S1AP_UNBOUNDED, 0);
T_SEQ(targetenb_id, "TargeteNB-ID", 1,
      M("global-ENB-ID", global_enb_id), M("selected-TAI", tai), IEXT);
T_INT(rnc_id, "RNC-ID", 0, 4095, 0);
T_INT(extended_rnc_id, "ExtendedRNC-ID", 4096, 65535, 0);
T_SEQ(target_rnc_id, "TargetRNC-ID", 1,
      M("lAI", lai), O("rAC", rac), M("rNC-ID", rnc_id),
      O("extendedRNC-ID", extended_rnc_id), IEXT);
T_SEQ(cgi, "CGI", 1,
      M("pLMNidentity", plmn_identity), M("lAC", lac), M("cI", ci), O("rAC", rac), IEXT);
/* targetgNgRanNode-ID (an extension alternative) is kept raw */
T_CHOICE(target_id, "TargetID", 3, 1,
	 M("targeteNB-ID", targetenb_id), M("targetRNC-ID", target_rnc_id), M("cGI", cgi));
T_ENUM(direct_forwarding_path_availability, "Direct-Forwarding-Path-Availability", 1, 1,
       "directPathAvailable");
T_ENUM(srvcc_ho_indication, "SRVCCHOIndication", 2, 1, "pSandCS", "cSonly");
T_ENUM(ps_service_not_available, "PS-ServiceNotAvailable", 1, 1, "ps-service-not-available");

T_SEQ(e_rab_data_forwarding_item, "E-RABDataForwardingItem", 1,
      M("e-RAB-ID", e_rab_id),
      O("dL-transportLayerAddress", transport_layer_address), O("dL-gTP-TEID", gtp_teid),
      O("uL-TransportLayerAddress", transport_layer_address), O("uL-GTP-TEID", gtp_teid),
      IEXT);
T_SEQ(e_rab_to_be_setup_item_ho_req, "E-RABToBeSetupItemHOReq", 1,
      M("e-RAB-ID", e_rab_id), M("transportLayerAddress", transport_layer_address),
      M("gTP-TEID", gtp_teid), M("e-RABlevelQosParameters", e_rab_level_qos), IEXT);
T_SEQ(e_rab_admitted_item, "E-RABAdmittedItem", 1,
      M("e-RAB-ID", e_rab_id), M("transportLayerAddress", transport_layer_address),
      M("gTP-TEID", gtp_teid),
      O("dL-transportLayerAddress", transport_layer_address), O("dL-gTP-TEID", gtp_teid),
      O("uL-TransportLayerAddress", transport_layer_address), O("uL-GTP-TEID", gtp_teid),
      IEXT);
T_SEQ(e_rab_failed_to_setup_item_ho_req_ack, "E-RABFailedToSetupItemHOReqAck", 1,
      M("e-RAB-ID", e_rab_id), M("cause", cause), IEXT);

/* ---- path switch ---- */
T_SEQ(e_rab_to_be_switched_dl_item, "E-RABToBeSwitchedDLItem", 1,
      M("e-RAB-ID", e_rab_id), M("transportLayerAddress", transport_layer_address),
      M("gTP-TEID", gtp_teid), IEXT);
T_SEQ(e_rab_to_be_switched_ul_item, "E-RABToBeSwitchedULItem", 1,
      M("e-RAB-ID", e_rab_id), M("transportLayerAddress", transport_layer_address),
      M("gTP-TEID", gtp_teid), IEXT);

/* ---- eNB/MME status transfer (9.2.1.31) ---- */
T_INT(pdcp_sn, "PDCP-SN", 0, 4095, 0);
T_INT(hfn, "HFN", 0, 1048575, 0);
T_SEQ(count_value, "COUNTvalue", 1, M("pDCP-SN", pdcp_sn), M("hFN", hfn), IEXT);
T_BITS(receive_status_ul_pdcp_sdus, "ReceiveStatusofULPDCPSDUs", 4096, 4096, 0);
T_SEQ(bearers_subject_to_status_transfer_item, "Bearers-SubjectToStatusTransfer-Item", 1,
      M("e-RAB-ID", e_rab_id), M("uL-COUNTvalue", count_value),
      M("dL-COUNTvalue", count_value),
      O("receiveStatusofULPDCPSDUs", receive_status_ul_pdcp_sdus), IEXT);
T_SEQ(enb_status_transfer_container, "ENB-StatusTransfer-TransparentContainer", 1,
      M("bearers-SubjectToStatusTransferList", e_rab_field_list), IEXT);

/* ---- handover restriction list (9.2.1.22) ---- */
T_LIST(eplmns, "EPLMNs", 1, 15, plmn_identity);
T_LIST(forbidden_tacs, "ForbiddenTACs", 1, 4096, tac);
T_SEQ(forbidden_tas_item, "ForbiddenTAs-Item", 1,
      M("pLMN-Identity", plmn_identity), M("forbiddenTACs", forbidden_tacs), IEXT);
T_LIST(forbidden_tas, "ForbiddenTAs", 1, 16, forbidden_tas_item);
T_LIST(forbidden_lacs, "ForbiddenLACs", 1, 4096, lac);
T_SEQ(forbidden_las_item, "ForbiddenLAs-Item", 1,
      M("pLMN-Identity", plmn_identity), M("forbiddenLACs", forbidden_lacs), IEXT);
T_LIST(forbidden_las, "ForbiddenLAs", 1, 16, forbidden_las_item);
T_ENUM(forbidden_inter_rats, "ForbiddenInterRATs", 4, 1,
       "all", "geran", "utran", "cdma2000", "geranandutran", "cdma2000andutran");
T_SEQ(handover_restriction_list, "HandoverRestrictionList", 1,
      M("servingPLMN", plmn_identity), O("equivalentPLMNs", eplmns),
      O("forbiddenTAs", forbidden_tas), O("forbiddenLAs", forbidden_las),
      O("forbiddenInterRATs", forbidden_inter_rats), IEXT);

/* ---- trace (9.2.1.4) ---- */
T_OCT(e_utran_trace_id, "E-UTRAN-Trace-ID", 8, 8, 0);
T_BITS(interfaces_to_trace, "InterfacesToTrace", 8, 8, 0);
T_ENUM(trace_depth, "TraceDepth", 6, 1,
       "minimum", "medium", "maximum", "minimumWithoutVendorSpecificExtension",
       "mediumWithoutVendorSpecificExtension", "maximumWithoutVendorSpecificExtension");
T_SEQ(trace_activation, "TraceActivation", 1,
      M("e-UTRAN-Trace-ID", e_utran_trace_id), M("interfacesToTrace", interfaces_to_trace),
      M("traceDepth", trace_depth),
      M("traceCollectionEntityIPAddress", transport_layer_address), IEXT);

/* ---- SON configuration transfer (9.2.3.26) ---- */
T_SEQ(sourceenb_id, "SourceeNB-ID", 0,
      M("global-ENB-ID", global_enb_id), M("selected-TAI", tai), IEXT);
T_LIST(enb_x2_tlas, "ENBX2TLAs", 1, 2, transport_layer_address);
T_SEQ(x2_tnl_configuration_info, "X2TNLConfigurationInfo", 1,
      M("eNBX2TransportLayerAddresses", enb_x2_tlas), IEXT);
T_ENUM(son_information_request, "SONInformationRequest", 1, 1,
       "x2TNL-Configuration-Info", "time-Synchronisation-Info", "activate-Muting",
       "deactivate-Muting");
T_SEQ(son_information_reply, "SONInformationReply", 1,
      O("x2TNLConfigurationInfo", x2_tnl_configuration_info), IEXT);
/* sONInformation-Extension (an extension alternative) is kept raw */
T_CHOICE(son_information, "SONInformation", 2, 1,
	 M("sONInformationRequest", son_information_request),
	 M("sONInformationReply", son_information_reply));
T_SEQ(son_configuration_transfer, "SONConfigurationTransfer", 1,
      M("targeteNB-ID", targetenb_id), M("sourceeNB-ID", sourceenb_id),
      M("sONInformation", son_information), IEXT);
