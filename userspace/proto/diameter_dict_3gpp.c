// SPDX-License-Identifier: GPL-2.0
/*
 * Diameter dictionary, 3GPP part (vendor 10415): S6a/S6d AVPs (TS 29.272),
 * Gx (TS 29.212, with the TS 29.214 QoS AVPs it reuses), Gy (TS 32.299) and
 * the TS 29.061 "3GPP-" AVPs.  Data only: name, code, vendor, data format,
 * M-bit rule, enumerated value names.  Sorted by (vendor, code).
 */
#include "proto/diameter_dict.h"

static const struct dia_enum en_network_access_mode[] = {
	{ 0, "PACKET_AND_CIRCUIT" },
	{ 1, "Reserved" },
	{ 2, "ONLY_PACKET" },
};

static const struct dia_enum en_cancellation_type[] = {
	{ 0, "MME_UPDATE_PROCEDURE" },
	{ 1, "SGSN_UPDATE_PROCEDURE" },
	{ 2, "SUBSCRIPTION_WITHDRAWAL" },
	{ 3, "UPDATE_PROCEDURE_IWF" },
	{ 4, "INITIAL_ATTACH_PROCEDURE" },
};

static const struct dia_enum en_subscriber_status[] = {
	{ 0, "SERVICE_GRANTED" },
	{ 1, "OPERATOR_DETERMINED_BARRING" },
};

static const struct dia_enum en_all_apn_configurations_included_indicator[] = {
	{ 0, "ALL_APN_CONFIGURATIONS_INCLUDED" },
	{ 1, "MODIFIED/ADDED_APN_CONFIGURATIONS_INCLUDED" },
};

static const struct dia_enum en_vplmn_dynamic_address_allowed[] = {
	{ 0, "NOTALLOWED" },
	{ 1, "ALLOWED" },
};

static const struct dia_enum en_alert_reason[] = {
	{ 0, "UE_PRESENT" },
	{ 1, "UE_MEMORY_AVAILABLE" },
};

static const struct dia_enum en_pdn_gw_allocation_type[] = {
	{ 0, "STATIC" },
	{ 1, "DYNAMIC" },
};

static const struct dia_enum en_equipment_status[] = {
	{ 0, "WHITELISTED" },
	{ 1, "BLACKLISTED" },
	{ 2, "GREYLISTED" },
};

static const struct dia_enum en_pdn_type[] = {
	{ 0, "IPv4" },
	{ 1, "IPv6" },
	{ 2, "IPv4v6" },
	{ 3, "IPv4_OR_IPv6" },
	{ 4, "Non-IP" },
};

static const struct dia_enum en_roaming_restricted_due_to_unsupported_feature[] = {
	{ 0, "Roaming-Restricted-Due-To-Unsupported-Feature" },
};

static const struct dia_enum en_trace_depth[] = {
	{ 0, "Minimum" },
	{ 1, "Medium" },
	{ 2, "Maximum" },
	{ 3, "MinimumWithoutVendorSpecificExtension" },
	{ 4, "MediumWithoutVendorSpecificExtension" },
	{ 5, "MaximumWithoutVendorSpecificExtension" },
};

static const struct dia_enum en_complete_data_list_included_indicator[] = {
	{ 0, "ALL_PDP_CONTEXTS_INCLUDED" },
	{ 1, "MODIFIED/ADDED_PDP CONTEXTS_INCLUDED" },
};

static const struct dia_enum en_ue_srvcc_capability[] = {
	{ 0, "UE-SRVCC-NOT-SUPPORTED" },
	{ 1, "UE-SRVCC-SUPPORTED" },
};

static const struct dia_enum en_homogeneous_support_of_ims_voice_over_ps_sessions[] = {
	{ 0, "NOT_SUPPORTED" },
	{ 1, "SUPPORTED" },
};

static const struct dia_enum en_sms_register_request[] = {
	{ 0, "SMS_REGISTRATION_REQUIRED" },
	{ 1, "SMS_REGISTRATION_NOT_PREFERRED" },
	{ 2, "NO_PREFERENCE" },
};

static const struct dia_enum en_3gpp_pdp_type[] = {
	{ 0, "IPv4" },
	{ 1, "PPP" },
	{ 2, "IPv6" },
	{ 3, "IPv4v6" },
};

static const struct dia_enum en_bearer_usage[] = {
	{ 0, "GENERAL" },
	{ 1, "IMS SIGNALLING" },
	{ 2, "DEDICATED" },
};

static const struct dia_enum en_event_trigger[] = {
	{ 0, "SGSN_CHANGE" },
	{ 1, "QOS_CHANGE" },
	{ 2, "RAT_CHANGE" },
	{ 3, "TFT_CHANGE" },
	{ 4, "PLMN_CHANGE" },
	{ 5, "LOSS_OF_BEARER" },
	{ 6, "RECOVERY_OF_BEARER" },
	{ 7, "IP-CAN_CHANGE" },
	{ 8, "GW-PCEF-MALFUNCTION" },
	{ 9, "RESOURCES_LIMITATION" },
	{ 10, "MAX_NR_BEARERS_REACHED" },
	{ 11, "QOS_CHANGE_EXCEEDING_AUTHORIZATION" },
	{ 12, "RAI_CHANGE" },
	{ 13, "USER_LOCATION_CHANGE" },
	{ 14, "NO_EVENT_TRIGGERS" },
	{ 15, "OUT_OF_CREDIT" },
	{ 16, "REALLOCATION_OF_CREDIT" },
	{ 17, "REVALIDATION_TIMEOUT" },
	{ 18, "UE_IP_ADDRESS_ALLOCATE" },
	{ 19, "UE_IP_ADDRESS_RELEASE" },
	{ 20, "DEFAULT_EPS_BEARER_QOS_CHANGE" },
	{ 21, "AN_GW_CHANGE" },
	{ 22, "SUCCESSFUL_RESOURCE_ALLOCATION" },
	{ 23, "RESOURCE_MODIFICATION_REQUEST" },
	{ 24, "PGW_TRACE_CONTROL" },
	{ 25, "UE_TIME_ZONE_CHANGE" },
	{ 26, "TAI_CHANGE" },
	{ 27, "ECGI_CHANGE" },
	{ 28, "CHARGING_CORRELATION_EXCHANGE" },
	{ 29, "APN-AMBR_MODIFICATION_FAILURE" },
	{ 30, "USER_CSG_INFORMATION_CHANGE" },
	{ 33, "USAGE_REPORT" },
	{ 34, "DEFAULT-EPS-BEARER-QOS_MODIFICATION_FAILURE" },
	{ 35, "USER_CSG_HYBRID_SUBSCRIBED_INFORMATION_CHANGE" },
	{ 36, "USER_CSG_ HYBRID_UNSUBSCRIBED_INFORMATION_CHANGE" },
	{ 37, "ROUTING_RULE_CHANGE" },
	{ 38, "MAX_MBR_APN_AMBR_CHANGE" },
	{ 39, "APPLICATION_START" },
	{ 40, "APPLICATION_STOP" },
	{ 41, "ADC_REVALIDATION_TIMEOUT" },
	{ 42, "CS_TO_PS_HANDOVER" },
	{ 43, "UE_LOCAL_IP_ADDRESS_CHANGE" },
	{ 44, "H(E)NB_LOCAL_IP_ADDRESS_CHANGE" },
	{ 45, "ACCESS_NETWORK_INFO_REPORT" },
	{ 46, "CREDIT_MANAGEMENT_SESSION_FAILURE" },
	{ 47, "DEFAULT_QOS_CHANGE" },
	{ 48, "CHANGE_OF_UE_PRESENCE_IN_PRESENCE_REPORTING_AREA_REPORT" },
	{ 100, "TIME_CHANGE" },
	{ 1000, "TFT DELETED" },
	{ 1001, "LOSS OF BEARER" },
	{ 1002, "RECOVERY OF BEARER" },
	{ 1003, "POLICY ENFORCEMENT FAILED" },
};

static const struct dia_enum en_metering_method[] = {
	{ 0, "DURATION" },
	{ 1, "VOLUME" },
	{ 2, "DURATION_VOLUME" },
};

static const struct dia_enum en_offline[] = {
	{ 0, "DISABLE_OFFLINE" },
	{ 1, "ENABLE_OFFLINE" },
};

static const struct dia_enum en_online[] = {
	{ 0, "DISABLE_ONLINE" },
	{ 1, "ENABLE_ONLINE" },
};

static const struct dia_enum en_reporting_level[] = {
	{ 0, "SERVICE_IDENTIFIER_LEVEL" },
	{ 1, "RATING_GROUP_LEVEL" },
	{ 2, "SPONSORED_CONNECTIVITY_LEVEL" },
};

static const struct dia_enum en_pdp_session_operation[] = {
	{ 0, "PDP-SESSION-TERMINATION" },
};

static const struct dia_enum en_pcc_rule_status[] = {
	{ 0, "ACTIVE" },
	{ 1, "INACTIVE" },
	{ 2, "TEMPORARY_INACTIVE" },
};

static const struct dia_enum en_bearer_operation[] = {
	{ 0, "TERMINATION" },
	{ 1, "ESTABLISHMENT" },
	{ 2, "MODIFICATION" },
};

static const struct dia_enum en_bearer_control_mode[] = {
	{ 0, "UE_ONLY" },
	{ 1, "RESERVED" },
	{ 2, "UE_NW" },
};

static const struct dia_enum en_network_request_support[] = {
	{ 0, "NETWORK_REQUEST NOT SUPPORTED" },
	{ 1, "NETWORK_REQUEST SUPPORTED" },
};

static const struct dia_enum en_ip_can_type[] = {
	{ 0, "3GPP-GPRS" },
	{ 1, "DOCSIS" },
	{ 2, "xDSL" },
	{ 3, "WiMAX" },
	{ 4, "3GPP2" },
	{ 5, "3GPP-EPS" },
	{ 6, "Non-3GPP-EPS" },
	{ 7, "FBA" },
	{ 8, "3GPP-5GS" },
	{ 9, "Non-3GPP-5GS" },
};

static const struct dia_enum en_qos_class_identifier[] = {
	{ 1, "QCI_1" },
	{ 2, "QCI_2" },
	{ 3, "QCI_3" },
	{ 4, "QCI_4" },
	{ 5, "QCI_5" },
	{ 6, "QCI_6" },
	{ 7, "QCI_7" },
	{ 8, "QCI_8" },
	{ 9, "QCI_9" },
	{ 65, "QCI_65" },
	{ 66, "QCI_66" },
	{ 69, "QCI_69" },
	{ 70, "QCI_70" },
};

static const struct dia_enum en_qos_negotiation[] = {
	{ 0, "NO_QoS_NEGOTIATION" },
	{ 1, "QoS_NEGOTIATION_SUPPORTED" },
};

static const struct dia_enum en_qos_upgrade[] = {
	{ 0, "QoS_UPGRADE_NOT_SUPPORTED" },
	{ 1, "QoS_UPGRADE_SUPPORTED" },
};

static const struct dia_enum en_rule_failure_code[] = {
	{ 1, "UNKNOWN_RULE_NAME" },
	{ 2, "RATING_GROUP_ERROR" },
	{ 3, "SERVICE_IDENTIFIER_ERROR" },
	{ 4, "GW/PCEF_MALFUNCTION" },
	{ 5, "RESOURCES_LIMITATION" },
	{ 6, "MAX_NR_BEARERS_REACHED" },
	{ 7, "UNKNOWN_BEARER_ID" },
	{ 8, "MISSING_BEARER_ID" },
	{ 9, "MISSING_FLOW_DESCRIPTION" },
	{ 10, "RESOURCE_ALLOCATION_FAILURE" },
	{ 11, "UNSUCCESSFUL_QOS_VALIDATION" },
	{ 12, "INCORRECT_FLOW_INFORMATION" },
	{ 13, "PS_TO_CS_HANDOVER" },
	{ 14, "TDF_APPLICATION_IDENTIFIER_ERROR" },
	{ 15, "NO_BEARER_BOUND" },
	{ 16, "FILTER_RESTRICTIONS" },
	{ 17, "AN_GW_FAILED" },
	{ 18, "MISSING_REDIRECT_SERVER_ADDRESS" },
	{ 19, "CM_END_USER_SERVICE_DENIED" },
	{ 20, "CM_CREDIT_CONTROL_NOT_APPLICABLE" },
	{ 21, "CM_AUTHORIZATION_REJECTED" },
	{ 22, "CM_USER_UNKNOWN" },
	{ 23, "CM_RATING_FAILED" },
	{ 24, "ROUTING_RULE_REJECTION" },
};

static const struct dia_enum en_rat_type[] = {
	{ 0, "WLAN" },
	{ 1, "VIRTUAL" },
	{ 1000, "UTRAN" },
	{ 1001, "GERAN" },
	{ 1002, "GAN" },
	{ 1003, "HSPA_EVOLUTION" },
	{ 1004, "EUTRAN" },
	{ 1005, "EUTRAN-NB-IoT" },
	{ 1006, "NG-RAN" },
	{ 1007, "LTE-M" },
	{ 2000, "CDMA2000_1X" },
	{ 2001, "HRPD" },
	{ 2002, "UMB" },
	{ 2003, "EHRPD" },
};

static const struct dia_enum en_session_release_cause[] = {
	{ 0, "UNSPECIFIED_REASON" },
	{ 1, "UE_SUBSCRIPTION_REASON" },
	{ 2, "INSUFFICIENT_SERVER_RESOURCES" },
};

static const struct dia_enum en_pre_emption_capability[] = {
	{ 0, "PRE-EMPTION_CAPABILITY_ENABLED" },
	{ 1, "PRE-EMPTION_CAPABILITY_DISABLED" },
};

static const struct dia_enum en_pre_emption_vulnerability[] = {
	{ 0, "PRE-EMPTION_VULNERABILITY_ENABLED" },
	{ 1, "PRE-EMPTION_VULNERABILITY_DISABLED" },
};

static const struct dia_enum en_packet_filter_operation[] = {
	{ 0, "DELETION" },
	{ 1, "ADDITION" },
	{ 2, "MODIFICATION" },
};

static const struct dia_enum en_resource_allocation_notification[] = {
	{ 0, "ENABLE_NOTIFICATION" },
};

static const struct dia_enum en_usage_monitoring_level[] = {
	{ 0, "SESSION_LEVEL" },
	{ 1, "PCC_RULE_LEVEL" },
};

static const struct dia_enum en_usage_monitoring_report[] = {
	{ 0, "USAGE_MONITORING_REPORT_REQUIRED" },
};

static const struct dia_enum en_usage_monitoring_support[] = {
	{ 0, "USAGE_MONITORING_DISABLED" },
};

static const struct dia_enum en_csg_information_reporting[] = {
	{ 0, "CHANGE_CSG_CELL" },
	{ 1, "CHANGE_CSG_SUBSCRIBED_HYBRID_CELL" },
	{ 2, "CHANGE_CSG_UNSUBSCRIBED_HYBRID_CELL" },
};

static const struct dia_enum en_flow_direction[] = {
	{ 0, "UNSPECIFIED" },
	{ 1, "DOWNLINK" },
	{ 2, "UPLINK" },
	{ 3, "BIDIRECTIONAL" },
};

static const struct dia_enum en_flow_status[] = {
	{ 0, "ENABLED-UPLINK" },
	{ 1, "ENABLED-DOWNLINK" },
	{ 2, "ENABLED" },
	{ 3, "DISABLED" },
	{ 4, "REMOVED" },
};

static const struct dia_enum en_reporting_reason[] = {
	{ 0, "THRESHOLD" },
	{ 1, "QHT" },
	{ 2, "FINAL" },
	{ 3, "QUOTA_EXHAUSTED" },
	{ 4, "VALIDITY_TIME" },
	{ 5, "OTHER_QUOTA_TYPE" },
	{ 6, "RATING_CONDITION_CHANGE" },
	{ 7, "FORCED_REAUTHORISATION" },
	{ 8, "POOL_EXHAUSTED" },
};

static const struct dia_enum en_envelope_reporting[] = {
	{ 0, "DO_NOT_REPORT_ENVELOPES" },
	{ 1, "REPORT_ENVELOPES" },
	{ 2, "REPORT_ENVELOPES_WITH_VOLUME" },
	{ 3, "REPORT_ENVELOPES_WITH_EVENTS" },
	{ 4, "REPORT_ENVELOPES_WITH_VOLUME_AND_EVENTS" },
};

static const struct dia_enum en_time_quota_type[] = {
	{ 0, "DISCRETE_TIME_PERIOD" },
	{ 1, "CONTINUOUS_TIME_PERIOD" },
};

static const struct dia_enum en_online_charging_flag[] = {
	{ 0, "ECF address not provided" },
	{ 1, "ECF address provided" },
};

const struct dia_avp_def dia_dict_3gpp_avps[] = {
	{ "3GPP-IMSI", 1, V3GPP, UTF8, MUST, NONE },
	{ "3GPP-Charging-Id", 2, V3GPP, OCTETS, MUST, NONE },
	{ "3GPP-PDP-Type", 3, V3GPP, ENUM, MUST, E(3gpp_pdp_type) },
	{ "3GPP-SGSN-Address", 6, V3GPP, OCTETS, MUST, NONE },
	{ "3GPP-Selection-Mode", 12, V3GPP, UTF8, MUST, NONE },
	{ "3GPP-Charging-Characteristics", 13, V3GPP, UTF8, MUST, NONE },
	{ "3GPP-SGSN-MCC-MNC", 18, V3GPP, UTF8, MUST, NONE },
	{ "3GPP-RAT-Type", 21, V3GPP, OCTETS, MUST, NONE },
	{ "3GPP-User-Location-Info", 22, V3GPP, OCTETS, MUST, NONE },
	{ "3GPP-MS-TimeZone", 23, V3GPP, OCTETS, MUST, NONE },
	{ "Access-Network-Charging-Address", 501, V3GPP, ADDR, MAY, NONE },
	{ "Access-Network-Charging-Identifier-Value", 503, V3GPP, OCTETS, MUST, NONE },
	{ "AF-Charging-Identifier", 505, V3GPP, OCTETS, MUST, NONE },
	{ "Flow-Description", 507, V3GPP, FILTER, MUST, NONE },
	{ "Flow-Number", 509, V3GPP, U32, MUST, NONE },
	{ "Flows", 510, V3GPP, GROUP, MUST, NONE },
	{ "Flow-Status", 511, V3GPP, ENUM, MUST, E(flow_status) },
	{ "Max-Requested-Bandwidth-DL", 515, V3GPP, U32, MUST, NONE },
	{ "Max-Requested-Bandwidth-UL", 516, V3GPP, U32, MUST, NONE },
	{ "Media-Component-Number", 518, V3GPP, U32, MUST, NONE },
	{ "Confidentiality-Key", 625, V3GPP, OCTETS, MUST, NONE },
	{ "Integrity-Key", 626, V3GPP, OCTETS, MUST, NONE },
	{ "Supported-Features", 628, V3GPP, GROUP, MUST, NONE },
	{ "Feature-List-ID", 629, V3GPP, U32, MUST, NONE },
	{ "Feature-List", 630, V3GPP, U32, MUST, NONE },
	{ "MSISDN", 701, V3GPP, OCTETS, MUST, NONE },
	{ "GGSN-Address", 847, V3GPP, ADDR, MUST, NONE },
	{ "Served-Party-IP-Address", 848, V3GPP, ADDR, MUST, NONE },
	{ "Time-Quota-Threshold", 868, V3GPP, U32, MUST, NONE },
	{ "Volume-Quota-Threshold", 869, V3GPP, U32, MUST, NONE },
	{ "Trigger-Type", 870, V3GPP, ENUM, MUST, NONE },
	{ "Quota-Holding-Time", 871, V3GPP, U32, MUST, NONE },
	{ "Reporting-Reason", 872, V3GPP, ENUM, MUST, E(reporting_reason) },
	{ "Service-Information", 873, V3GPP, GROUP, MUST, NONE },
	{ "PS-Information", 874, V3GPP, GROUP, MUST, NONE },
	{ "Quota-Consumption-Time", 881, V3GPP, U32, MUST, NONE },
	{ "Bearer-Usage", 1000, V3GPP, ENUM, MUST, E(bearer_usage) },
	{ "Charging-Rule-Install", 1001, V3GPP, GROUP, MUST, NONE },
	{ "Charging-Rule-Remove", 1002, V3GPP, GROUP, MUST, NONE },
	{ "Charging-Rule-Definition", 1003, V3GPP, GROUP, MUST, NONE },
	{ "Charging-Rule-Base-Name", 1004, V3GPP, UTF8, MUST, NONE },
	{ "Charging-Rule-Name", 1005, V3GPP, OCTETS, MUST, NONE },
	{ "Event-Trigger", 1006, V3GPP, ENUM, MUST, E(event_trigger) },
	{ "Metering-Method", 1007, V3GPP, ENUM, MUST, E(metering_method) },
	{ "Offline", 1008, V3GPP, ENUM, MUST, E(offline) },
	{ "Online", 1009, V3GPP, ENUM, MUST, E(online) },
	{ "Precedence", 1010, V3GPP, U32, MUST, NONE },
	{ "Reporting-Level", 1011, V3GPP, ENUM, MUST, E(reporting_level) },
	{ "TFT-Filter", 1012, V3GPP, FILTER, MUST, NONE },
	{ "TFT-Packet-Filter-Information", 1013, V3GPP, GROUP, MUST, NONE },
	{ "ToS-Traffic-Class", 1014, V3GPP, OCTETS, MUST, NONE },
	{ "PDP-Session-Operation", 1015, V3GPP, ENUM, MUST, E(pdp_session_operation) },
	{ "QoS-Information", 1016, V3GPP, GROUP, MUST, NONE },
	{ "Charging-Rule-Report", 1018, V3GPP, GROUP, MUST, NONE },
	{ "PCC-Rule-Status", 1019, V3GPP, ENUM, MUST, E(pcc_rule_status) },
	{ "Bearer-Identifier", 1020, V3GPP, OCTETS, MUST, NONE },
	{ "Bearer-Operation", 1021, V3GPP, ENUM, MUST, E(bearer_operation) },
	{ "Access-Network-Charging-Identifier-Gx", 1022, V3GPP, GROUP, MUST, NONE },
	{ "Bearer-Control-Mode", 1023, V3GPP, ENUM, MUST, E(bearer_control_mode) },
	{ "Network-Request-Support", 1024, V3GPP, ENUM, MUST, E(network_request_support) },
	{ "Guaranteed-Bitrate-DL", 1025, V3GPP, U32, MUST, NONE },
	{ "Guaranteed-Bitrate-UL", 1026, V3GPP, U32, MUST, NONE },
	{ "IP-CAN-Type", 1027, V3GPP, ENUM, MUST, E(ip_can_type) },
	{ "QoS-Class-Identifier", 1028, V3GPP, ENUM, MUST, E(qos_class_identifier) },
	{ "QoS-Negotiation", 1029, V3GPP, ENUM, MUST, E(qos_negotiation) },
	{ "QoS-Upgrade", 1030, V3GPP, ENUM, MUST, E(qos_upgrade) },
	{ "Rule-Failure-Code", 1031, V3GPP, ENUM, MUST, E(rule_failure_code) },
	{ "RAT-Type", 1032, V3GPP, ENUM, MNOT, E(rat_type) },
	{ "Event-Report-Indication", 1033, V3GPP, GROUP, MNOT, NONE },
	{ "Allocation-Retention-Priority", 1034, V3GPP, GROUP, MUST, NONE },
	{ "APN-Aggregate-Max-Bitrate-DL", 1040, V3GPP, U32, MNOT, NONE },
	{ "APN-Aggregate-Max-Bitrate-UL", 1041, V3GPP, U32, MNOT, NONE },
	{ "Revalidation-Time", 1042, V3GPP, TIME, MUST, NONE },
	{ "Rule-Activation-Time", 1043, V3GPP, TIME, MUST, NONE },
	{ "Rule-Deactivation-Time", 1044, V3GPP, TIME, MUST, NONE },
	{ "Session-Release-Cause", 1045, V3GPP, ENUM, MUST, E(session_release_cause) },
	{ "Priority-Level", 1046, V3GPP, U32, MUST, NONE },
	{ "Pre-emption-Capability", 1047, V3GPP, ENUM, MUST, E(pre_emption_capability) },
	{ "Pre-emption-Vulnerability", 1048, V3GPP, ENUM, MUST, E(pre_emption_vulnerability) },
	{ "Default-EPS-Bearer-QoS", 1049, V3GPP, GROUP, MNOT, NONE },
	{ "AN-GW-Address", 1050, V3GPP, ADDR, MNOT, NONE },
	{ "Security-Parameter-Index", 1056, V3GPP, OCTETS, MNOT, NONE },
	{ "Flow-Label", 1057, V3GPP, OCTETS, MNOT, NONE },
	{ "Flow-Information", 1058, V3GPP, GROUP, MNOT, NONE },
	{ "Packet-Filter-Content", 1059, V3GPP, FILTER, MNOT, NONE },
	{ "Packet-Filter-Identifier", 1060, V3GPP, OCTETS, MNOT, NONE },
	{ "Packet-Filter-Information", 1061, V3GPP, GROUP, MNOT, NONE },
	{ "Packet-Filter-Operation", 1062, V3GPP, ENUM, MNOT, E(packet_filter_operation) },
	{ "Resource-Allocation-Notification", 1063, V3GPP, ENUM, MNOT, E(resource_allocation_notification) },
	{ "Monitoring-Key", 1066, V3GPP, OCTETS, MNOT, NONE },
	{ "Usage-Monitoring-Information", 1067, V3GPP, GROUP, MNOT, NONE },
	{ "Usage-Monitoring-Level", 1068, V3GPP, ENUM, MNOT, E(usage_monitoring_level) },
	{ "Usage-Monitoring-Report", 1069, V3GPP, ENUM, MNOT, E(usage_monitoring_report) },
	{ "Usage-Monitoring-Support", 1070, V3GPP, ENUM, MNOT, E(usage_monitoring_support) },
	{ "CSG-Information-Reporting", 1071, V3GPP, ENUM, MNOT, E(csg_information_reporting) },
	{ "Flow-Direction", 1080, V3GPP, ENUM, MNOT, E(flow_direction) },
	{ "SGSN-Address", 1228, V3GPP, ADDR, MAY, NONE },
	{ "Trigger", 1264, V3GPP, GROUP, MAY, NONE },
	{ "Base-Time-Interval", 1265, V3GPP, U32, MAY, NONE },
	{ "Envelope-Reporting", 1268, V3GPP, ENUM, MAY, E(envelope_reporting) },
	{ "Time-Quota-Mechanism", 1270, V3GPP, GROUP, MAY, NONE },
	{ "Time-Quota-Type", 1271, V3GPP, ENUM, MAY, E(time_quota_type) },
	{ "Offline-Charging", 1278, V3GPP, GROUP, MAY, NONE },
	{ "Subscription-Data", 1400, V3GPP, GROUP, MUST, NONE },
	{ "Terminal-Information", 1401, V3GPP, GROUP, MUST, NONE },
	{ "IMEI", 1402, V3GPP, UTF8, MUST, NONE },
	{ "Software-Version", 1403, V3GPP, UTF8, MUST, NONE },
	{ "QoS-Subscribed", 1404, V3GPP, OCTETS, MUST, NONE },
	{ "ULR-Flags", 1405, V3GPP, U32, MUST, NONE },
	{ "ULA-Flags", 1406, V3GPP, U32, MUST, NONE },
	{ "Visited-PLMN-Id", 1407, V3GPP, OCTETS, MUST, NONE },
	{ "Requested-EUTRAN-Authentication-Info", 1408, V3GPP, GROUP, MUST, NONE },
	{ "Requested-UTRAN-GERAN-Authentication-Info", 1409, V3GPP, GROUP, MUST, NONE },
	{ "Number-Of-Requested-Vectors", 1410, V3GPP, U32, MUST, NONE },
	{ "Re-Synchronization-Info", 1411, V3GPP, OCTETS, MUST, NONE },
	{ "Immediate-Response-Preferred", 1412, V3GPP, U32, MUST, NONE },
	{ "Authentication-Info", 1413, V3GPP, GROUP, MUST, NONE },
	{ "E-UTRAN-Vector", 1414, V3GPP, GROUP, MUST, NONE },
	{ "UTRAN-Vector", 1415, V3GPP, GROUP, MUST, NONE },
	{ "GERAN-Vector", 1416, V3GPP, GROUP, MUST, NONE },
	{ "Network-Access-Mode", 1417, V3GPP, ENUM, MUST, E(network_access_mode) },
	{ "HPLMN-ODB", 1418, V3GPP, U32, MUST, NONE },
	{ "Item-Number", 1419, V3GPP, U32, MUST, NONE },
	{ "Cancellation-Type", 1420, V3GPP, ENUM, MUST, E(cancellation_type) },
	{ "DSR-Flags", 1421, V3GPP, U32, MUST, NONE },
	{ "DSA-Flags", 1422, V3GPP, U32, MUST, NONE },
	{ "Context-Identifier", 1423, V3GPP, U32, MUST, NONE },
	{ "Subscriber-Status", 1424, V3GPP, ENUM, MUST, E(subscriber_status) },
	{ "Operator-Determined-Barring", 1425, V3GPP, U32, MUST, NONE },
	{ "Access-Restriction-Data", 1426, V3GPP, U32, MUST, NONE },
	{ "APN-OI-Replacement", 1427, V3GPP, UTF8, MUST, NONE },
	{ "All-APN-Configurations-Included-Indicator", 1428, V3GPP, ENUM, MUST, E(all_apn_configurations_included_indicator) },
	{ "APN-Configuration-Profile", 1429, V3GPP, GROUP, MUST, NONE },
	{ "APN-Configuration", 1430, V3GPP, GROUP, MUST, NONE },
	{ "EPS-Subscribed-QoS-Profile", 1431, V3GPP, GROUP, MUST, NONE },
	{ "VPLMN-Dynamic-Address-Allowed", 1432, V3GPP, ENUM, MUST, E(vplmn_dynamic_address_allowed) },
	{ "STN-SR", 1433, V3GPP, OCTETS, MUST, NONE },
	{ "Alert-Reason", 1434, V3GPP, ENUM, MUST, E(alert_reason) },
	{ "AMBR", 1435, V3GPP, GROUP, MUST, NONE },
	{ "CSG-Subscription-Data", 1436, V3GPP, GROUP, MUST, NONE },
	{ "CSG-Id", 1437, V3GPP, U32, MUST, NONE },
	{ "PDN-GW-Allocation-Type", 1438, V3GPP, ENUM, MUST, E(pdn_gw_allocation_type) },
	{ "Expiration-Date", 1439, V3GPP, TIME, MUST, NONE },
	{ "RAT-Frequency-Selection-Priority-ID", 1440, V3GPP, U32, MUST, NONE },
	{ "IDA-Flags", 1441, V3GPP, U32, MUST, NONE },
	{ "PUA-Flags", 1442, V3GPP, U32, MUST, NONE },
	{ "NOR-Flags", 1443, V3GPP, U32, MUST, NONE },
	{ "User-Id", 1444, V3GPP, UTF8, MNOT, NONE },
	{ "Equipment-Status", 1445, V3GPP, ENUM, MUST, E(equipment_status) },
	{ "Regional-Subscription-Zone-Code", 1446, V3GPP, OCTETS, MUST, NONE },
	{ "RAND", 1447, V3GPP, OCTETS, MUST, NONE },
	{ "XRES", 1448, V3GPP, OCTETS, MUST, NONE },
	{ "AUTN", 1449, V3GPP, OCTETS, MUST, NONE },
	{ "KASME", 1450, V3GPP, OCTETS, MUST, NONE },
	{ "Trace-Collection-Entity", 1452, V3GPP, ADDR, MUST, NONE },
	{ "Kc", 1453, V3GPP, OCTETS, MUST, NONE },
	{ "SRES", 1454, V3GPP, OCTETS, MUST, NONE },
	{ "PDN-Type", 1456, V3GPP, ENUM, MUST, E(pdn_type) },
	{ "Roaming-Restricted-Due-To-Unsupported-Feature", 1457, V3GPP, ENUM, MUST, E(roaming_restricted_due_to_unsupported_feature) },
	{ "Trace-Data", 1458, V3GPP, GROUP, MUST, NONE },
	{ "Trace-Reference", 1459, V3GPP, OCTETS, MUST, NONE },
	{ "Trace-Depth", 1462, V3GPP, ENUM, MUST, E(trace_depth) },
	{ "Trace-NE-Type-List", 1463, V3GPP, OCTETS, MUST, NONE },
	{ "Trace-Interface-List", 1464, V3GPP, OCTETS, MUST, NONE },
	{ "Trace-Event-List", 1465, V3GPP, OCTETS, MUST, NONE },
	{ "OMC-Id", 1466, V3GPP, OCTETS, MUST, NONE },
	{ "GPRS-Subscription-Data", 1467, V3GPP, GROUP, MUST, NONE },
	{ "Complete-Data-List-Included-Indicator", 1468, V3GPP, ENUM, MUST, E(complete_data_list_included_indicator) },
	{ "PDP-Context", 1469, V3GPP, GROUP, MUST, NONE },
	{ "PDP-Type", 1470, V3GPP, OCTETS, MUST, NONE },
	{ "Specific-APN-Info", 1472, V3GPP, GROUP, MUST, NONE },
	{ "SGSN-Number", 1489, V3GPP, OCTETS, MUST, NONE },
	{ "IDR-Flags", 1490, V3GPP, U32, MUST, NONE },
	{ "Homogeneous-Support-of-IMS-Voice-Over-PS-Sessions", 1493, V3GPP, ENUM, MNOT, E(homogeneous_support_of_ims_voice_over_ps_sessions) },
	{ "Last-UE-Activity-Time", 1494, V3GPP, TIME, MNOT, NONE },
	{ "Error-Diagnostic", 1614, V3GPP, ENUM, MNOT, NONE },
	{ "UE-SRVCC-Capability", 1615, V3GPP, ENUM, MNOT, E(ue_srvcc_capability) },
	{ "Subscribed-Periodic-RAU-TAU-Timer", 1619, V3GPP, U32, MNOT, NONE },
	{ "Ext-PDP-Type", 1620, V3GPP, OCTETS, MNOT, NONE },
	{ "Ext-PDP-Address", 1621, V3GPP, ADDR, MNOT, NONE },
	{ "PUR-Flags", 1635, V3GPP, U32, MNOT, NONE },
	{ "CLR-Flags", 1638, V3GPP, U32, MUST, NONE },
	{ "MME-Number-for-MT-SMS", 1645, V3GPP, OCTETS, MAY, NONE },
	{ "SMS-Register-Request", 1648, V3GPP, ENUM, MAY, E(sms_register_request) },
	{ "Subscription-Data-Flags", 1654, V3GPP, U32, MAY, NONE },
	{ "Reset-ID", 1670, V3GPP, OCTETS, MNOT, NONE },
	{ "UE-Usage-Type", 1680, V3GPP, U32, MAY, NONE },
	{ "Start-Time", 2041, V3GPP, TIME, MAY, NONE },
	{ "Stop-Time", 2042, V3GPP, TIME, MAY, NONE },
	{ "PDN-Connection-Charging-ID", 2050, V3GPP, U32, MAY, NONE },
	{ "Node-Id", 2064, V3GPP, UTF8, MAY, NONE },
	{ "Online-Charging-Flag", 2303, V3GPP, ENUM, MAY, E(online_charging_flag) },
};

const size_t dia_dict_3gpp_n = sizeof(dia_dict_3gpp_avps) / sizeof(dia_dict_3gpp_avps[0]);
