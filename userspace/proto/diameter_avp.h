/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AVPs by identifier: the AVPs the applications (S6a, Gx, Gy and the peer
 * library) read and write, as an enum that indexes a (code, vendor, name)
 * table.  Code that reads a message asks for DA_RAT_TYPE instead of the
 * string "RAT-Type" or the pair (1032, 10415): a typo is a compile error,
 * and test_proto_diameter checks every entry against the dictionary.
 *
 *	int i = dia_get(m, -1, DA_SUBSCRIPTION_DATA);
 *	uint32_t st;
 *	if (dia_get_u32(m, i, DA_SUBSCRIBER_STATUS, &st) == 0) ...
 *
 *	dia_add_u32(&b, DA_RAT_TYPE, 1004);
 *	dia_add_group(&b, DA_QOS_INFORMATION); ... dia_build_group_end(&b);
 *
 * The dia_add_*() helpers take the AVP flags from the dictionary (V when
 * vendor-specific, M unless the M-bit rule is "must not") and check the data
 * format, like the by-name dia_put_*() helpers.
 */
#ifndef AGW_PROTO_DIAMETER_AVP_H
#define AGW_PROTO_DIAMETER_AVP_H

#include <stddef.h>
#include <stdint.h>

#include "proto/diameter.h"

#define DIA_AVP_LIST(X)								\
	/* RFC 6733 base, RFC 4005/7155 NASREQ, RFC 5447 MIPv6 */		\
	X(USER_NAME, "User-Name", 1, 0)						\
	X(FRAMED_IP_ADDRESS, "Framed-IP-Address", 8, 0)				\
	X(FILTER_ID, "Filter-Id", 11, 0)					\
	X(CALLED_STATION_ID, "Called-Station-Id", 30, 0)			\
	X(PROXY_STATE, "Proxy-State", 33, 0)					\
	X(EVENT_TIMESTAMP, "Event-Timestamp", 55, 0)				\
	X(FRAMED_IPV6_PREFIX, "Framed-IPv6-Prefix", 97, 0)			\
	X(HOST_IP_ADDRESS, "Host-IP-Address", 257, 0)				\
	X(AUTH_APPLICATION_ID, "Auth-Application-Id", 258, 0)			\
	X(ACCT_APPLICATION_ID, "Acct-Application-Id", 259, 0)			\
	X(VENDOR_SPECIFIC_APPLICATION_ID, "Vendor-Specific-Application-Id", 260, 0) \
	X(SESSION_ID, "Session-Id", 263, 0)					\
	X(ORIGIN_HOST, "Origin-Host", 264, 0)					\
	X(SUPPORTED_VENDOR_ID, "Supported-Vendor-Id", 265, 0)			\
	X(VENDOR_ID, "Vendor-Id", 266, 0)					\
	X(FIRMWARE_REVISION, "Firmware-Revision", 267, 0)			\
	X(RESULT_CODE, "Result-Code", 268, 0)					\
	X(PRODUCT_NAME, "Product-Name", 269, 0)					\
	X(DISCONNECT_CAUSE, "Disconnect-Cause", 273, 0)				\
	X(AUTH_REQUEST_TYPE, "Auth-Request-Type", 274, 0)			\
	X(AUTH_SESSION_STATE, "Auth-Session-State", 277, 0)			\
	X(ORIGIN_STATE_ID, "Origin-State-Id", 278, 0)				\
	X(FAILED_AVP, "Failed-AVP", 279, 0)					\
	X(PROXY_HOST, "Proxy-Host", 280, 0)					\
	X(ERROR_MESSAGE, "Error-Message", 281, 0)				\
	X(ROUTE_RECORD, "Route-Record", 282, 0)					\
	X(DESTINATION_REALM, "Destination-Realm", 283, 0)			\
	X(PROXY_INFO, "Proxy-Info", 284, 0)					\
	X(RE_AUTH_REQUEST_TYPE, "Re-Auth-Request-Type", 285, 0)			\
	X(DESTINATION_HOST, "Destination-Host", 293, 0)				\
	X(ERROR_REPORTING_HOST, "Error-Reporting-Host", 294, 0)			\
	X(TERMINATION_CAUSE, "Termination-Cause", 295, 0)			\
	X(ORIGIN_REALM, "Origin-Realm", 296, 0)					\
	X(EXPERIMENTAL_RESULT, "Experimental-Result", 297, 0)			\
	X(EXPERIMENTAL_RESULT_CODE, "Experimental-Result-Code", 298, 0)		\
	X(INBAND_SECURITY_ID, "Inband-Security-Id", 299, 0)			\
	X(MIP6_AGENT_INFO, "MIP6-Agent-Info", 486, 0)				\
	X(SERVICE_SELECTION, "Service-Selection", 493, 0)			\
	X(MIP_HOME_AGENT_ADDRESS, "MIP-Home-Agent-Address", 334, 0)		\
	/* RFC 4006 credit control */						\
	X(CC_INPUT_OCTETS, "CC-Input-Octets", 412, 0)				\
	X(CC_OUTPUT_OCTETS, "CC-Output-Octets", 414, 0)				\
	X(CC_REQUEST_NUMBER, "CC-Request-Number", 415, 0)			\
	X(CC_REQUEST_TYPE, "CC-Request-Type", 416, 0)				\
	X(CC_SESSION_FAILOVER, "CC-Session-Failover", 418, 0)			\
	X(CC_TIME, "CC-Time", 420, 0)						\
	X(CC_TOTAL_OCTETS, "CC-Total-Octets", 421, 0)				\
	X(CREDIT_CONTROL_FAILURE_HANDLING, "Credit-Control-Failure-Handling", 427, 0) \
	X(FINAL_UNIT_INDICATION, "Final-Unit-Indication", 430, 0)		\
	X(GRANTED_SERVICE_UNIT, "Granted-Service-Unit", 431, 0)			\
	X(RATING_GROUP, "Rating-Group", 432, 0)					\
	X(REDIRECT_ADDRESS_TYPE, "Redirect-Address-Type", 433, 0)		\
	X(REDIRECT_SERVER, "Redirect-Server", 434, 0)				\
	X(REDIRECT_SERVER_ADDRESS, "Redirect-Server-Address", 435, 0)		\
	X(REQUESTED_SERVICE_UNIT, "Requested-Service-Unit", 437, 0)		\
	X(RESTRICTION_FILTER_RULE, "Restriction-Filter-Rule", 438, 0)		\
	X(SERVICE_IDENTIFIER, "Service-Identifier", 439, 0)			\
	X(SUBSCRIPTION_ID, "Subscription-Id", 443, 0)				\
	X(SUBSCRIPTION_ID_DATA, "Subscription-Id-Data", 444, 0)			\
	X(USED_SERVICE_UNIT, "Used-Service-Unit", 446, 0)			\
	X(VALIDITY_TIME, "Validity-Time", 448, 0)				\
	X(FINAL_UNIT_ACTION, "Final-Unit-Action", 449, 0)			\
	X(SUBSCRIPTION_ID_TYPE, "Subscription-Id-Type", 450, 0)			\
	X(MULTIPLE_SERVICES_INDICATOR, "Multiple-Services-Indicator", 455, 0)	\
	X(MULTIPLE_SERVICES_CREDIT_CONTROL, "Multiple-Services-Credit-Control", 456, 0) \
	X(USER_EQUIPMENT_INFO, "User-Equipment-Info", 458, 0)			\
	X(USER_EQUIPMENT_INFO_TYPE, "User-Equipment-Info-Type", 459, 0)		\
	X(USER_EQUIPMENT_INFO_VALUE, "User-Equipment-Info-Value", 460, 0)	\
	X(SERVICE_CONTEXT_ID, "Service-Context-Id", 461, 0)			\
	/* TS 29.061 */								\
	X(TGPP_CHARGING_ID, "3GPP-Charging-Id", 2, VENDOR_3GPP)			\
	X(TGPP_PDP_TYPE, "3GPP-PDP-Type", 3, VENDOR_3GPP)			\
	X(TGPP_SGSN_MCC_MNC, "3GPP-SGSN-MCC-MNC", 18, VENDOR_3GPP)		\
	X(TGPP_RAT_TYPE, "3GPP-RAT-Type", 21, VENDOR_3GPP)			\
	X(TGPP_USER_LOCATION_INFO, "3GPP-User-Location-Info", 22, VENDOR_3GPP)	\
	X(TGPP_MS_TIMEZONE, "3GPP-MS-TimeZone", 23, VENDOR_3GPP)		\
	/* TS 29.212 / 29.214 Gx */						\
	X(ACCESS_NETWORK_CHARGING_ADDRESS, "Access-Network-Charging-Address", 501, VENDOR_3GPP) \
	X(FLOW_DESCRIPTION, "Flow-Description", 507, VENDOR_3GPP)		\
	X(FLOW_STATUS, "Flow-Status", 511, VENDOR_3GPP)				\
	X(MAX_REQUESTED_BANDWIDTH_DL, "Max-Requested-Bandwidth-DL", 515, VENDOR_3GPP) \
	X(MAX_REQUESTED_BANDWIDTH_UL, "Max-Requested-Bandwidth-UL", 516, VENDOR_3GPP) \
	X(SUPPORTED_FEATURES, "Supported-Features", 628, VENDOR_3GPP)		\
	X(FEATURE_LIST_ID, "Feature-List-ID", 629, VENDOR_3GPP)			\
	X(FEATURE_LIST, "Feature-List", 630, VENDOR_3GPP)			\
	X(MSISDN, "MSISDN", 701, VENDOR_3GPP)					\
	X(SERVED_PARTY_IP_ADDRESS, "Served-Party-IP-Address", 848, VENDOR_3GPP)	\
	X(TIME_QUOTA_THRESHOLD, "Time-Quota-Threshold", 868, VENDOR_3GPP)	\
	X(VOLUME_QUOTA_THRESHOLD, "Volume-Quota-Threshold", 869, VENDOR_3GPP)	\
	X(QUOTA_HOLDING_TIME, "Quota-Holding-Time", 871, VENDOR_3GPP)		\
	X(REPORTING_REASON, "Reporting-Reason", 872, VENDOR_3GPP)		\
	X(SERVICE_INFORMATION, "Service-Information", 873, VENDOR_3GPP)		\
	X(PS_INFORMATION, "PS-Information", 874, VENDOR_3GPP)			\
	X(CHARGING_RULE_INSTALL, "Charging-Rule-Install", 1001, VENDOR_3GPP)	\
	X(CHARGING_RULE_REMOVE, "Charging-Rule-Remove", 1002, VENDOR_3GPP)	\
	X(CHARGING_RULE_DEFINITION, "Charging-Rule-Definition", 1003, VENDOR_3GPP) \
	X(CHARGING_RULE_BASE_NAME, "Charging-Rule-Base-Name", 1004, VENDOR_3GPP)	\
	X(CHARGING_RULE_NAME, "Charging-Rule-Name", 1005, VENDOR_3GPP)		\
	X(EVENT_TRIGGER, "Event-Trigger", 1006, VENDOR_3GPP)			\
	X(METERING_METHOD, "Metering-Method", 1007, VENDOR_3GPP)		\
	X(OFFLINE, "Offline", 1008, VENDOR_3GPP)				\
	X(ONLINE, "Online", 1009, VENDOR_3GPP)					\
	X(PRECEDENCE, "Precedence", 1010, VENDOR_3GPP)				\
	X(REPORTING_LEVEL, "Reporting-Level", 1011, VENDOR_3GPP)		\
	X(QOS_INFORMATION, "QoS-Information", 1016, VENDOR_3GPP)		\
	X(CHARGING_RULE_REPORT, "Charging-Rule-Report", 1018, VENDOR_3GPP)	\
	X(PCC_RULE_STATUS, "PCC-Rule-Status", 1019, VENDOR_3GPP)		\
	X(BEARER_IDENTIFIER, "Bearer-Identifier", 1020, VENDOR_3GPP)		\
	X(BEARER_CONTROL_MODE, "Bearer-Control-Mode", 1023, VENDOR_3GPP)	\
	X(NETWORK_REQUEST_SUPPORT, "Network-Request-Support", 1024, VENDOR_3GPP)	\
	X(GUARANTEED_BITRATE_DL, "Guaranteed-Bitrate-DL", 1025, VENDOR_3GPP)	\
	X(GUARANTEED_BITRATE_UL, "Guaranteed-Bitrate-UL", 1026, VENDOR_3GPP)	\
	X(IP_CAN_TYPE, "IP-CAN-Type", 1027, VENDOR_3GPP)			\
	X(QOS_CLASS_IDENTIFIER, "QoS-Class-Identifier", 1028, VENDOR_3GPP)	\
	X(RULE_FAILURE_CODE, "Rule-Failure-Code", 1031, VENDOR_3GPP)		\
	X(RAT_TYPE, "RAT-Type", 1032, VENDOR_3GPP)				\
	X(ALLOCATION_RETENTION_PRIORITY, "Allocation-Retention-Priority", 1034, VENDOR_3GPP) \
	X(APN_AGGREGATE_MAX_BITRATE_DL, "APN-Aggregate-Max-Bitrate-DL", 1040, VENDOR_3GPP) \
	X(APN_AGGREGATE_MAX_BITRATE_UL, "APN-Aggregate-Max-Bitrate-UL", 1041, VENDOR_3GPP) \
	X(REVALIDATION_TIME, "Revalidation-Time", 1042, VENDOR_3GPP)		\
	X(SESSION_RELEASE_CAUSE, "Session-Release-Cause", 1045, VENDOR_3GPP)	\
	X(PRIORITY_LEVEL, "Priority-Level", 1046, VENDOR_3GPP)			\
	X(PRE_EMPTION_CAPABILITY, "Pre-emption-Capability", 1047, VENDOR_3GPP)	\
	X(PRE_EMPTION_VULNERABILITY, "Pre-emption-Vulnerability", 1048, VENDOR_3GPP) \
	X(DEFAULT_EPS_BEARER_QOS, "Default-EPS-Bearer-QoS", 1049, VENDOR_3GPP)	\
	X(AN_GW_ADDRESS, "AN-GW-Address", 1050, VENDOR_3GPP)			\
	X(FLOW_INFORMATION, "Flow-Information", 1058, VENDOR_3GPP)		\
	X(MONITORING_KEY, "Monitoring-Key", 1066, VENDOR_3GPP)			\
	X(USAGE_MONITORING_INFORMATION, "Usage-Monitoring-Information", 1067, VENDOR_3GPP) \
	X(USAGE_MONITORING_LEVEL, "Usage-Monitoring-Level", 1068, VENDOR_3GPP)	\
	X(USAGE_MONITORING_REPORT, "Usage-Monitoring-Report", 1069, VENDOR_3GPP)	\
	X(USAGE_MONITORING_SUPPORT, "Usage-Monitoring-Support", 1070, VENDOR_3GPP) \
	X(FLOW_DIRECTION, "Flow-Direction", 1080, VENDOR_3GPP)			\
	/* TS 29.272 S6a */							\
	X(SUBSCRIPTION_DATA, "Subscription-Data", 1400, VENDOR_3GPP)		\
	X(TERMINAL_INFORMATION, "Terminal-Information", 1401, VENDOR_3GPP)	\
	X(IMEI, "IMEI", 1402, VENDOR_3GPP)					\
	X(SOFTWARE_VERSION, "Software-Version", 1403, VENDOR_3GPP)		\
	X(ULR_FLAGS, "ULR-Flags", 1405, VENDOR_3GPP)				\
	X(ULA_FLAGS, "ULA-Flags", 1406, VENDOR_3GPP)				\
	X(VISITED_PLMN_ID, "Visited-PLMN-Id", 1407, VENDOR_3GPP)		\
	X(REQUESTED_EUTRAN_AUTHENTICATION_INFO, "Requested-EUTRAN-Authentication-Info", 1408, VENDOR_3GPP) \
	X(NUMBER_OF_REQUESTED_VECTORS, "Number-Of-Requested-Vectors", 1410, VENDOR_3GPP) \
	X(RE_SYNCHRONIZATION_INFO, "Re-Synchronization-Info", 1411, VENDOR_3GPP)	\
	X(IMMEDIATE_RESPONSE_PREFERRED, "Immediate-Response-Preferred", 1412, VENDOR_3GPP) \
	X(AUTHENTICATION_INFO, "Authentication-Info", 1413, VENDOR_3GPP)	\
	X(E_UTRAN_VECTOR, "E-UTRAN-Vector", 1414, VENDOR_3GPP)			\
	X(NETWORK_ACCESS_MODE, "Network-Access-Mode", 1417, VENDOR_3GPP)	\
	X(ITEM_NUMBER, "Item-Number", 1419, VENDOR_3GPP)			\
	X(CANCELLATION_TYPE, "Cancellation-Type", 1420, VENDOR_3GPP)		\
	X(DSR_FLAGS, "DSR-Flags", 1421, VENDOR_3GPP)				\
	X(DSA_FLAGS, "DSA-Flags", 1422, VENDOR_3GPP)				\
	X(CONTEXT_IDENTIFIER, "Context-Identifier", 1423, VENDOR_3GPP)		\
	X(SUBSCRIBER_STATUS, "Subscriber-Status", 1424, VENDOR_3GPP)		\
	X(OPERATOR_DETERMINED_BARRING, "Operator-Determined-Barring", 1425, VENDOR_3GPP) \
	X(ACCESS_RESTRICTION_DATA, "Access-Restriction-Data", 1426, VENDOR_3GPP)	\
	X(ALL_APN_CONFIGURATIONS_INCLUDED_INDICATOR, "All-APN-Configurations-Included-Indicator", 1428, VENDOR_3GPP) \
	X(APN_CONFIGURATION_PROFILE, "APN-Configuration-Profile", 1429, VENDOR_3GPP) \
	X(APN_CONFIGURATION, "APN-Configuration", 1430, VENDOR_3GPP)		\
	X(EPS_SUBSCRIBED_QOS_PROFILE, "EPS-Subscribed-QoS-Profile", 1431, VENDOR_3GPP) \
	X(VPLMN_DYNAMIC_ADDRESS_ALLOWED, "VPLMN-Dynamic-Address-Allowed", 1432, VENDOR_3GPP) \
	X(AMBR, "AMBR", 1435, VENDOR_3GPP)					\
	X(PDN_GW_ALLOCATION_TYPE, "PDN-GW-Allocation-Type", 1438, VENDOR_3GPP)	\
	X(IDA_FLAGS, "IDA-Flags", 1441, VENDOR_3GPP)				\
	X(PUA_FLAGS, "PUA-Flags", 1442, VENDOR_3GPP)				\
	X(USER_ID, "User-Id", 1444, VENDOR_3GPP)				\
	X(RAND, "RAND", 1447, VENDOR_3GPP)					\
	X(XRES, "XRES", 1448, VENDOR_3GPP)					\
	X(AUTN, "AUTN", 1449, VENDOR_3GPP)					\
	X(KASME, "KASME", 1450, VENDOR_3GPP)					\
	X(PDN_TYPE, "PDN-Type", 1456, VENDOR_3GPP)				\
	X(IDR_FLAGS, "IDR-Flags", 1490, VENDOR_3GPP)				\
	X(ERROR_DIAGNOSTIC, "Error-Diagnostic", 1614, VENDOR_3GPP)		\
	X(UE_SRVCC_CAPABILITY, "UE-SRVCC-Capability", 1615, VENDOR_3GPP)	\
	X(SUBSCRIBED_PERIODIC_RAU_TAU_TIMER, "Subscribed-Periodic-RAU-TAU-Timer", 1619, VENDOR_3GPP) \
	X(PUR_FLAGS, "PUR-Flags", 1635, VENDOR_3GPP)				\
	X(CLR_FLAGS, "CLR-Flags", 1638, VENDOR_3GPP)				\
	X(RESET_ID, "Reset-ID", 1670, VENDOR_3GPP)

enum dia_avp_id {
#define DIA_AVP_ENUM(id, name, code, vendor) DA_##id,
	DIA_AVP_LIST(DIA_AVP_ENUM)
#undef DIA_AVP_ENUM
	DA__COUNT
};

struct dia_avp_key {
	uint32_t code;
	uint32_t vendor;
	const char *name;
};

extern const struct dia_avp_key dia_avp_keys[DA__COUNT];

/* First child of parent (-1: top level) / next sibling after `after`; -1 if none. */
int dia_get(const struct dia_msg *m, int parent, enum dia_avp_id id);
int dia_get_next(const struct dia_msg *m, int after, enum dia_avp_id id);

/*
 * Typed reads of the first such child of parent: 0 read, 1 absent, -1
 * present with a length that does not fit the type.  dia_get_str copies
 * (NUL-terminated, at most size - 1 octets; longer values are -1).
 */
int dia_get_u32(const struct dia_msg *m, int parent, enum dia_avp_id id, uint32_t *out);
int dia_get_u64(const struct dia_msg *m, int parent, enum dia_avp_id id, uint64_t *out);
int dia_get_str(const struct dia_msg *m, int parent, enum dia_avp_id id, char *buf,
		size_t size);
/* The raw value: 0 with data and len set, 1 absent */
int dia_get_bytes(const struct dia_msg *m, int parent, enum dia_avp_id id,
		  const uint8_t **data, size_t *len);

/*
 * The answer's outcome: Result-Code, or Experimental-Result (vendor, code).
 * *vendor is 0 for a Result-Code.  0 found, 1 neither present, -1 malformed.
 */
int dia_get_result(const struct dia_msg *m, int parent, uint32_t *vendor, uint32_t *code);

/* Builder helpers by identifier (flags from the dictionary; -1 on error, sticky). */
int dia_add_u32(struct dia_builder *b, enum dia_avp_id id, uint32_t v);
int dia_add_u64(struct dia_builder *b, enum dia_avp_id id, uint64_t v);
int dia_add_bytes(struct dia_builder *b, enum dia_avp_id id, const void *data, size_t len);
int dia_add_str(struct dia_builder *b, enum dia_avp_id id, const char *s);
int dia_add_address(struct dia_builder *b, enum dia_avp_id id, uint16_t family,
		    const void *addr, size_t len);
int dia_add_group(struct dia_builder *b, enum dia_avp_id id);	/* then dia_build_group_end */

#endif
