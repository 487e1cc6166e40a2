// SPDX-License-Identifier: GPL-2.0
/*
 * Diameter dictionary: base protocol (RFC 6733), NASREQ/Mobile IPv6 AVPs
 * used by S6a and Gx (RFC 7155, RFC 5447, RFC 5778), credit control
 * (RFC 4006), the command and application tables, and the lookups.
 * The 3GPP vendor AVPs are in diameter_dict_3gpp.c.  Data only.
 */
#include <stdlib.h>
#include <string.h>

#include "proto/diameter_dict.h"

/* RFC 6733 7.1, RFC 4006 9 */
static const struct dia_enum en_result_code[] = {
	{ 1001, "DIAMETER_MULTI_ROUND_AUTH" },
	{ 2001, "DIAMETER_SUCCESS" },
	{ 2002, "DIAMETER_LIMITED_SUCCESS" },
	{ 3001, "DIAMETER_COMMAND_UNSUPPORTED" },
	{ 3002, "DIAMETER_UNABLE_TO_DELIVER" },
	{ 3003, "DIAMETER_REALM_NOT_SERVED" },
	{ 3004, "DIAMETER_TOO_BUSY" },
	{ 3005, "DIAMETER_LOOP_DETECTED" },
	{ 3006, "DIAMETER_REDIRECT_INDICATION" },
	{ 3007, "DIAMETER_APPLICATION_UNSUPPORTED" },
	{ 3008, "DIAMETER_INVALID_HDR_BITS" },
	{ 3009, "DIAMETER_INVALID_AVP_BITS" },
	{ 3010, "DIAMETER_UNKNOWN_PEER" },
	{ 4001, "DIAMETER_AUTHENTICATION_REJECTED" },
	{ 4002, "DIAMETER_OUT_OF_SPACE" },
	{ 4003, "ELECTION_LOST" },
	{ 4010, "DIAMETER_END_USER_SERVICE_DENIED" },
	{ 4011, "DIAMETER_CREDIT_CONTROL_NOT_APPLICABLE" },
	{ 4012, "DIAMETER_CREDIT_LIMIT_REACHED" },
	{ 5001, "DIAMETER_AVP_UNSUPPORTED" },
	{ 5002, "DIAMETER_UNKNOWN_SESSION_ID" },
	{ 5003, "DIAMETER_AUTHORIZATION_REJECTED" },
	{ 5004, "DIAMETER_INVALID_AVP_VALUE" },
	{ 5005, "DIAMETER_MISSING_AVP" },
	{ 5006, "DIAMETER_RESOURCES_EXCEEDED" },
	{ 5007, "DIAMETER_CONTRADICTING_AVPS" },
	{ 5008, "DIAMETER_AVP_NOT_ALLOWED" },
	{ 5009, "DIAMETER_AVP_OCCURS_TOO_MANY_TIMES" },
	{ 5010, "DIAMETER_NO_COMMON_APPLICATION" },
	{ 5011, "DIAMETER_UNSUPPORTED_VERSION" },
	{ 5012, "DIAMETER_UNABLE_TO_COMPLY" },
	{ 5013, "DIAMETER_INVALID_BIT_IN_HEADER" },
	{ 5014, "DIAMETER_INVALID_AVP_LENGTH" },
	{ 5015, "DIAMETER_INVALID_MESSAGE_LENGTH" },
	{ 5016, "DIAMETER_INVALID_AVP_BIT_COMBO" },
	{ 5017, "DIAMETER_NO_COMMON_SECURITY" },
	{ 5030, "DIAMETER_USER_UNKNOWN" },
	{ 5031, "DIAMETER_RATING_FAILED" },
};

/* TS 29.272 7.4.3/7.4.4, TS 29.212 5.5.3/5.5.4, TS 29.214 5.5 */
static const struct dia_enum en_experimental_result_code[] = {
	{ 2021, "DIAMETER_PDP_CONTEXT_DELETION_INDICATION" },
	{ 4141, "DIAMETER_PCC_BEARER_EVENT" },
	{ 4142, "DIAMETER_BEARER_EVENT" },
	{ 4143, "DIAMETER_AN_GW_FAILED" },
	{ 4144, "DIAMETER_PENDING_TRANSACTION" },
	{ 4181, "DIAMETER_AUTHENTICATION_DATA_UNAVAILABLE" },
	{ 4182, "DIAMETER_ERROR_CAMEL_SUBSCRIPTION_PRESENT" },
	{ 5001, "DIAMETER_ERROR_USER_UNKNOWN" },
	{ 5004, "DIAMETER_ERROR_ROAMING_NOT_ALLOWED" },
	{ 5140, "DIAMETER_ERROR_INITIAL_PARAMETERS" },
	{ 5141, "DIAMETER_ERROR_TRIGGER_EVENT" },
	{ 5142, "DIAMETER_PCC_RULE_EVENT" },
	{ 5143, "DIAMETER_ERROR_BEARER_NOT_AUTHORIZED" },
	{ 5144, "DIAMETER_ERROR_TRAFFIC_MAPPING_INFO_REJECTED" },
	{ 5147, "DIAMETER_ERROR_CONFLICTING_REQUEST" },
	{ 5420, "DIAMETER_ERROR_UNKNOWN_EPS_SUBSCRIPTION" },
	{ 5421, "DIAMETER_ERROR_RAT_NOT_ALLOWED" },
	{ 5422, "DIAMETER_ERROR_EQUIPMENT_UNKNOWN" },
	{ 5423, "DIAMETER_ERROR_UNKNOWN_SERVING_NODE" },
};

static const struct dia_enum en_redirect_host_usage[] = {
	{ 0, "Don't Care" },
	{ 1, "All Session" },
	{ 2, "All Realm" },
	{ 3, "Realm and Application" },
	{ 4, "All Application" },
	{ 5, "All Host" },
	{ 6, "ALL_USER" },
};

static const struct dia_enum en_session_binding[] = {
	{ 1, "RE_AUTH" },
	{ 2, "STR" },
	{ 3, "Unassigned" },
	{ 4, "ACCOUNTING" },
};

static const struct dia_enum en_session_server_failover[] = {
	{ 0, "REFUSE_SERVICE" },
	{ 1, "TRY_AGAIN" },
	{ 2, "ALLOW_SERVICE" },
	{ 3, "TRY_AGAIN_ALLOW_SERVICE" },
};

static const struct dia_enum en_disconnect_cause[] = {
	{ 0, "REBOOTING" },
	{ 1, "BUSY" },
	{ 2, "DO_NOT_WANT_TO_TALK_TO_YOU" },
};

static const struct dia_enum en_auth_request_type[] = {
	{ 1, "AUTHENTICATE_ONLY" },
	{ 2, "AUTHORIZE_ONLY" },
	{ 3, "AUTHORIZE_AUTHENTICATE" },
};

static const struct dia_enum en_auth_session_state[] = {
	{ 0, "STATE_MAINTAINED" },
	{ 1, "NO_STATE_MAINTAINED" },
};

static const struct dia_enum en_re_auth_request_type[] = {
	{ 0, "AUTHORIZE_ONLY" },
	{ 1, "AUTHORIZE_AUTHENTICATE" },
};

static const struct dia_enum en_termination_cause[] = {
	{ 1, "DIAMETER_LOGOUT" },
	{ 2, "DIAMETER_SERVICE_NOT_PROVIDED" },
	{ 3, "DIAMETER_BAD_ANSWER" },
	{ 4, "DIAMETER_ADMINISTRATIVE" },
	{ 5, "DIAMETER_LINK_BROKEN" },
	{ 6, "DIAMETER_AUTH_EXPIRED" },
	{ 7, "DIAMETER_USER_MOVED" },
	{ 8, "DIAMETER_SESSION_TIMEOUT" },
	{ 9, "Unassigned" },
	{ 10, "Unassigned" },
	{ 11, "User Request" },
	{ 12, "Lost Carrier" },
	{ 13, "Lost Service" },
	{ 14, "Idle Timeout" },
	{ 15, "Session Timeout" },
	{ 16, "Admin Reset" },
	{ 17, "Admin Reboot" },
	{ 18, "Port Error" },
	{ 19, "NAS Error" },
	{ 20, "NAS Request" },
	{ 21, "NAS Reboot" },
	{ 22, "Port Unneeded" },
	{ 23, "Port Preempted" },
	{ 24, "Port Suspended" },
	{ 25, "Service Unavailable" },
	{ 26, "Callback" },
	{ 27, "User Error" },
	{ 28, "Host Request" },
	{ 29, "Supplicant Restart" },
	{ 30, "Reauthentication Failure" },
	{ 31, "Reauthentication Failure" },
	{ 32, "Port Administratively Disabled" },
};

static const struct dia_enum en_inband_security_id[] = {
	{ 0, "NO_INBAND_SECURITY" },
	{ 1, "TLS" },
};

static const struct dia_enum en_accounting_record_type[] = {
	{ 1, "Event Record" },
	{ 2, "Start Record" },
	{ 3, "Interim Record" },
	{ 4, "Stop Record" },
};

static const struct dia_enum en_accounting_realtime_required[] = {
	{ 0, "Reserved" },
	{ 1, "DELIVER_AND_GRANT" },
	{ 2, "GRANT_AND_STORE" },
	{ 3, "GRANT_AND_LOSE" },
};

static const struct dia_enum en_drmp[] = {
	{ 0, "PRIORITY_0" },
	{ 1, "PRIORITY_1" },
	{ 2, "PRIORITY_2" },
	{ 3, "PRIORITY_3" },
	{ 4, "PRIORITY_4" },
	{ 5, "PRIORITY_5" },
	{ 6, "PRIORITY_6" },
	{ 7, "PRIORITY_7" },
	{ 8, "PRIORITY_8" },
	{ 9, "PRIORITY_9" },
	{ 10, "PRIORITY_10" },
	{ 11, "PRIORITY_11" },
	{ 12, "PRIORITY_12" },
	{ 13, "PRIORITY_13" },
	{ 14, "PRIORITY_14" },
	{ 15, "PRIORITY_15" },
};

static const struct dia_enum en_cc_request_type[] = {
	{ 1, "INITIAL_REQUEST" },
	{ 2, "UPDATE_REQUEST" },
	{ 3, "TERMINATION_REQUEST" },
	{ 4, "EVENT_REQUEST" },
};

static const struct dia_enum en_cc_session_failover[] = {
	{ 0, "FAILOVER_NOT_SUPPORTED" },
	{ 1, "FAILOVER_SUPPORTED" },
};

static const struct dia_enum en_cc_unit_type[] = {
	{ 0, "TIME" },
	{ 1, "MONEY" },
	{ 2, "TOTAL-OCTETS" },
	{ 4, "OUTPUT-OCTETS" },
	{ 3, "INPUT-OCTETS" },
	{ 5, "SERVICE-SPECIFIC-UNITS" },
};

static const struct dia_enum en_check_balance_result[] = {
	{ 0, "ENOUGH_CREDIT" },
	{ 1, "NO_CREDIT" },
};

static const struct dia_enum en_credit_control[] = {
	{ 0, "CREDIT_AUTHORIZATION" },
	{ 1, "RE_AUTHORIZATION" },
};

static const struct dia_enum en_credit_control_failure_handling[] = {
	{ 0, "TERMINATE" },
	{ 1, "CONTINUE" },
	{ 2, "RETRY_AND_TERMINATE" },
};

static const struct dia_enum en_direct_debiting_failure_handling[] = {
	{ 1, "CONTINUE" },
	{ 0, "TERMINATE_OR_BUFFER" },
};

static const struct dia_enum en_final_unit_action[] = {
	{ 0, "TERMINATE" },
	{ 1, "REDIRECT" },
	{ 2, "RESTRICT_ACCESS" },
};

static const struct dia_enum en_multiple_services_indicator[] = {
	{ 0, "MULTIPLE_SERVICES_NOT_SUPPORTED" },
	{ 1, "MULTIPLE_SERVICES_SUPPORTED" },
};

static const struct dia_enum en_redirect_address_type[] = {
	{ 1, "IPV6_ADDRESS" },
	{ 3, "SIP_URI" },
	{ 2, "URL" },
	{ 0, "IPV4_ADDRESS" },
};

static const struct dia_enum en_requested_action[] = {
	{ 0, "DIRECT_DEBITING" },
	{ 1, "REFUND_ACCOUNT" },
	{ 2, "CHECK_BALANCE" },
	{ 3, "PRICE_ENQUIRY" },
};

static const struct dia_enum en_subscription_id_type[] = {
	{ 0, "END_USER_E164" },
	{ 1, "END_USER_IMSI" },
	{ 2, "END_USER_SIP_URI" },
	{ 3, "END_USER_NAI" },
	{ 4, "END_USER_PRIVATE" },
};

static const struct dia_enum en_tariff_change_usage[] = {
	{ 1, "UNIT_AFTER_TARIFF_CHANGE" },
	{ 2, "UNIT_INDETERMINATE" },
	{ 0, "UNIT_BEFORE_TARIFF_CHANGE" },
};

static const struct dia_enum en_user_equipment_info_type[] = {
	{ 0, "IMEISV" },
	{ 1, "MAC" },
	{ 2, "EUI64" },
	{ 3, "MODIFIED_EUI64" },
};

const struct dia_avp_def dia_dict_base_avps[] = {
	{ "User-Name", 1, 0, UTF8, MUST, NONE },
	{ "Framed-IP-Address", 8, 0, OCTETS, MUST, NONE },
	{ "Filter-Id", 11, 0, UTF8, MUST, NONE },
	{ "Class", 25, 0, OCTETS, MUST, NONE },
	{ "Session-Timeout", 27, 0, U32, MUST, NONE },
	{ "Called-Station-Id", 30, 0, UTF8, MUST, NONE },
	{ "Calling-Station-Id", 31, 0, UTF8, MUST, NONE },
	{ "Proxy-State", 33, 0, OCTETS, MUST, NONE },
	{ "Acct-Session-Id", 44, 0, OCTETS, MUST, NONE },
	{ "Acct-Multi-Session-Id", 50, 0, UTF8, MUST, NONE },
	{ "Event-Timestamp", 55, 0, TIME, MUST, NONE },
	{ "Acct-Interim-Interval", 85, 0, U32, MUST, NONE },
	{ "Framed-IPv6-Prefix", 97, 0, OCTETS, MUST, NONE },
	{ "MIP6-Home-Link-Prefix", 125, 0, OCTETS, MAY, NONE },
	{ "Host-IP-Address", 257, 0, ADDR, MUST, NONE },
	{ "Auth-Application-Id", 258, 0, U32, MUST, NONE },
	{ "Acct-Application-Id", 259, 0, U32, MUST, NONE },
	{ "Vendor-Specific-Application-Id", 260, 0, GROUP, MUST, NONE },
	{ "Redirect-Host-Usage", 261, 0, ENUM, MUST, E(redirect_host_usage) },
	{ "Redirect-Max-Cache-Time", 262, 0, U32, MUST, NONE },
	{ "Session-Id", 263, 0, UTF8, MUST, NONE },
	{ "Origin-Host", 264, 0, IDENT, MUST, NONE },
	{ "Supported-Vendor-Id", 265, 0, U32, MUST, NONE },
	{ "Vendor-Id", 266, 0, U32, MUST, NONE },
	{ "Firmware-Revision", 267, 0, U32, MNOT, NONE },
	{ "Result-Code", 268, 0, U32, MUST, E(result_code) },
	{ "Product-Name", 269, 0, UTF8, MNOT, NONE },
	{ "Session-Binding", 270, 0, ENUM, MUST, E(session_binding) },
	{ "Session-Server-Failover", 271, 0, ENUM, MUST, E(session_server_failover) },
	{ "Multi-Round-Time-Out", 272, 0, U32, MUST, NONE },
	{ "Disconnect-Cause", 273, 0, ENUM, MUST, E(disconnect_cause) },
	{ "Auth-Request-Type", 274, 0, ENUM, MUST, E(auth_request_type) },
	{ "Auth-Grace-Period", 276, 0, U32, MUST, NONE },
	{ "Auth-Session-State", 277, 0, ENUM, MUST, E(auth_session_state) },
	{ "Origin-State-Id", 278, 0, U32, MUST, NONE },
	{ "Failed-AVP", 279, 0, GROUP, MUST, NONE },
	{ "Proxy-Host", 280, 0, IDENT, MUST, NONE },
	{ "Error-Message", 281, 0, UTF8, MNOT, NONE },
	{ "Route-Record", 282, 0, IDENT, MUST, NONE },
	{ "Destination-Realm", 283, 0, IDENT, MUST, NONE },
	{ "Proxy-Info", 284, 0, GROUP, MUST, NONE },
	{ "Re-Auth-Request-Type", 285, 0, ENUM, MUST, E(re_auth_request_type) },
	{ "Accounting-Sub-Session-Id", 287, 0, U64, MUST, NONE },
	{ "Authorization-Lifetime", 291, 0, I32, MUST, NONE },
	{ "Redirect-Host", 292, 0, URI, MUST, NONE },
	{ "Destination-Host", 293, 0, IDENT, MUST, NONE },
	{ "Error-Reporting-Host", 294, 0, IDENT, MNOT, NONE },
	{ "Termination-Cause", 295, 0, ENUM, MUST, E(termination_cause) },
	{ "Origin-Realm", 296, 0, IDENT, MUST, NONE },
	{ "Experimental-Result", 297, 0, GROUP, MUST, NONE },
	{ "Experimental-Result-Code", 298, 0, U32, MUST, E(experimental_result_code) },
	{ "Inband-Security-Id", 299, 0, ENUM, MUST, E(inband_security_id) },
	{ "DRMP", 301, 0, ENUM, MAY, E(drmp) },
	{ "MIP-Home-Agent-Address", 334, 0, ADDR, MUST, NONE },
	{ "MIP-Home-Agent-Host", 348, 0, GROUP, MUST, NONE },
	{ "CC-Correlation-Id", 411, 0, OCTETS, MAY, NONE },
	{ "CC-Input-Octets", 412, 0, U64, MUST, NONE },
	{ "CC-Money", 413, 0, GROUP, MUST, NONE },
	{ "CC-Output-Octets", 414, 0, U64, MUST, NONE },
	{ "CC-Request-Number", 415, 0, U32, MUST, NONE },
	{ "CC-Request-Type", 416, 0, ENUM, MUST, E(cc_request_type) },
	{ "CC-Service-Specific-Units", 417, 0, U64, MUST, NONE },
	{ "CC-Session-Failover", 418, 0, ENUM, MUST, E(cc_session_failover) },
	{ "CC-Sub-Session-Id", 419, 0, U64, MUST, NONE },
	{ "CC-Time", 420, 0, U32, MUST, NONE },
	{ "CC-Total-Octets", 421, 0, U64, MUST, NONE },
	{ "Check-Balance-Result", 422, 0, ENUM, MUST, E(check_balance_result) },
	{ "Cost-Information", 423, 0, GROUP, MUST, NONE },
	{ "Cost-Unit", 424, 0, UTF8, MUST, NONE },
	{ "Currency-Code", 425, 0, U32, MUST, NONE },
	{ "Credit-Control", 426, 0, ENUM, MUST, E(credit_control) },
	{ "Credit-Control-Failure-Handling", 427, 0, ENUM, MUST, E(credit_control_failure_handling) },
	{ "Direct-Debiting-Failure-Handling", 428, 0, ENUM, MUST, E(direct_debiting_failure_handling) },
	{ "Exponent", 429, 0, I32, MUST, NONE },
	{ "Final-Unit-Indication", 430, 0, GROUP, MUST, NONE },
	{ "Granted-Service-Unit", 431, 0, GROUP, MUST, NONE },
	{ "Rating-Group", 432, 0, U32, MUST, NONE },
	{ "Redirect-Address-Type", 433, 0, ENUM, MUST, E(redirect_address_type) },
	{ "Redirect-Server", 434, 0, GROUP, MUST, NONE },
	{ "Redirect-Server-Address", 435, 0, UTF8, MUST, NONE },
	{ "Requested-Action", 436, 0, ENUM, MUST, E(requested_action) },
	{ "Requested-Service-Unit", 437, 0, GROUP, MUST, NONE },
	{ "Restriction-Filter-Rule", 438, 0, FILTER, MUST, NONE },
	{ "Service-Identifier", 439, 0, U32, MUST, NONE },
	{ "Service-Parameter-Info", 440, 0, GROUP, MAY, NONE },
	{ "Service-Parameter-Type", 441, 0, U32, MAY, NONE },
	{ "Service-Parameter-Value", 442, 0, OCTETS, MAY, NONE },
	{ "Subscription-Id", 443, 0, GROUP, MUST, NONE },
	{ "Subscription-Id-Data", 444, 0, UTF8, MUST, NONE },
	{ "Unit-Value", 445, 0, GROUP, MUST, NONE },
	{ "Used-Service-Unit", 446, 0, GROUP, MUST, NONE },
	{ "Value-Digits", 447, 0, I64, MUST, NONE },
	{ "Validity-Time", 448, 0, U32, MUST, NONE },
	{ "Final-Unit-Action", 449, 0, ENUM, MUST, E(final_unit_action) },
	{ "Subscription-Id-Type", 450, 0, ENUM, MUST, E(subscription_id_type) },
	{ "Tariff-Time-Change", 451, 0, TIME, MUST, NONE },
	{ "Tariff-Change-Usage", 452, 0, ENUM, MUST, E(tariff_change_usage) },
	{ "G-S-U-Pool-Identifier", 453, 0, U32, MUST, NONE },
	{ "CC-Unit-Type", 454, 0, ENUM, MUST, E(cc_unit_type) },
	{ "Multiple-Services-Indicator", 455, 0, ENUM, MUST, E(multiple_services_indicator) },
	{ "Multiple-Services-Credit-Control", 456, 0, GROUP, MUST, NONE },
	{ "G-S-U-Pool-Reference", 457, 0, GROUP, MUST, NONE },
	{ "User-Equipment-Info", 458, 0, GROUP, MAY, NONE },
	{ "User-Equipment-Info-Type", 459, 0, ENUM, MAY, E(user_equipment_info_type) },
	{ "User-Equipment-Info-Value", 460, 0, OCTETS, MAY, NONE },
	{ "Service-Context-Id", 461, 0, UTF8, MUST, NONE },
	{ "Accounting-Record-Type", 480, 0, ENUM, MUST, E(accounting_record_type) },
	{ "Accounting-Realtime-Required", 483, 0, ENUM, MUST, E(accounting_realtime_required) },
	{ "Accounting-Record-Number", 485, 0, U32, MUST, NONE },
	{ "MIP6-Agent-Info", 486, 0, GROUP, MUST, NONE },
	{ "Service-Selection", 493, 0, UTF8, MUST, NONE },
};

const size_t dia_dict_base_n = sizeof(dia_dict_base_avps) / sizeof(dia_dict_base_avps[0]);

/* RFC 6733 3.1, RFC 4006 3, TS 29.272 7.2, TS 29.212 5.6 */
static const struct dia_cmd_def commands[] = {
	{ 257, "Capabilities-Exchange-Request", "Capabilities-Exchange-Answer", "CER", "CEA",
	  "base" },
	{ 258, "Re-Auth-Request", "Re-Auth-Answer", "RAR", "RAA", "base, Gx" },
	{ 271, "Accounting-Request", "Accounting-Answer", "ACR", "ACA", "base accounting" },
	{ 272, "Credit-Control-Request", "Credit-Control-Answer", "CCR", "CCA", "Gx, Gy" },
	{ 274, "Abort-Session-Request", "Abort-Session-Answer", "ASR", "ASA", "base" },
	{ 275, "Session-Termination-Request", "Session-Termination-Answer", "STR", "STA",
	  "base" },
	{ 280, "Device-Watchdog-Request", "Device-Watchdog-Answer", "DWR", "DWA", "base" },
	{ 282, "Disconnect-Peer-Request", "Disconnect-Peer-Answer", "DPR", "DPA", "base" },
	{ 316, "Update-Location-Request", "Update-Location-Answer", "ULR", "ULA", "S6a/S6d" },
	{ 317, "Cancel-Location-Request", "Cancel-Location-Answer", "CLR", "CLA", "S6a/S6d" },
	{ 318, "Authentication-Information-Request", "Authentication-Information-Answer",
	  "AIR", "AIA", "S6a/S6d" },
	{ 319, "Insert-Subscriber-Data-Request", "Insert-Subscriber-Data-Answer", "IDR", "IDA",
	  "S6a/S6d" },
	{ 320, "Delete-Subscriber-Data-Request", "Delete-Subscriber-Data-Answer", "DSR", "DSA",
	  "S6a/S6d" },
	{ 321, "Purge-UE-Request", "Purge-UE-Answer", "PUR", "PUA", "S6a/S6d" },
	{ 322, "Reset-Request", "Reset-Answer", "RSR", "RSA", "S6a/S6d" },
	{ 323, "Notify-Request", "Notify-Answer", "NOR", "NOA", "S6a/S6d" },
};

static const struct { uint32_t id; const char *name; } apps[] = {
	{ DIA_APP_COMMON, "Diameter Common Messages" },
	{ DIA_APP_ACCOUNTING, "Diameter Base Accounting" },
	{ DIA_APP_DCCA, "Diameter Credit Control" },
	{ DIA_APP_GX, "3GPP Gx" },
	{ DIA_APP_S6A, "3GPP S6a/S6d" },
	{ DIA_APP_RELAY, "Relay" },
};

static const char *const type_names[DIA_T__COUNT] = {
	[DIA_T_OCTETSTRING] = "OctetString",
	[DIA_T_INTEGER32] = "Integer32",
	[DIA_T_INTEGER64] = "Integer64",
	[DIA_T_UNSIGNED32] = "Unsigned32",
	[DIA_T_UNSIGNED64] = "Unsigned64",
	[DIA_T_FLOAT32] = "Float32",
	[DIA_T_FLOAT64] = "Float64",
	[DIA_T_GROUPED] = "Grouped",
	[DIA_T_ADDRESS] = "Address",
	[DIA_T_TIME] = "Time",
	[DIA_T_UTF8STRING] = "UTF8String",
	[DIA_T_IDENTITY] = "DiameterIdentity",
	[DIA_T_URI] = "DiameterURI",
	[DIA_T_ENUMERATED] = "Enumerated",
	[DIA_T_IPFILTERRULE] = "IPFilterRule",
};

static const struct {
	const struct dia_avp_def *t;
	const size_t *n;
} tables[] = {
	{ dia_dict_base_avps, &dia_dict_base_n },
	{ dia_dict_3gpp_avps, &dia_dict_3gpp_n },
};

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static int cmp_key(uint32_t vendor, uint32_t code, const struct dia_avp_def *d)
{
	if (vendor != d->vendor)
		return vendor < d->vendor ? -1 : 1;
	return code < d->code ? -1 : code > d->code;
}

const struct dia_avp_def *dia_dict_avp(uint32_t code, uint32_t vendor)
{
	for (size_t t = 0; t < N_OF(tables); t++) {
		size_t lo = 0, hi = *tables[t].n;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			int c = cmp_key(vendor, code, &tables[t].t[mid]);

			if (!c)
				return &tables[t].t[mid];
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	return NULL;
}

const struct dia_avp_def *dia_dict_avp_at(size_t i)
{
	for (size_t t = 0; t < N_OF(tables); t++) {
		if (i < *tables[t].n)
			return &tables[t].t[i];
		i -= *tables[t].n;
	}
	return NULL;
}

const struct dia_cmd_def *dia_dict_cmd(uint32_t code)
{
	for (size_t i = 0; i < N_OF(commands); i++)
		if (commands[i].code == code)
			return &commands[i];
	return NULL;
}

const char *dia_dict_cmd_name(uint32_t code, int request)
{
	const struct dia_cmd_def *c = dia_dict_cmd(code);

	return c ? (request ? c->request : c->answer) : NULL;
}

const char *dia_dict_app_name(uint32_t app_id)
{
	for (size_t i = 0; i < N_OF(apps); i++)
		if (apps[i].id == app_id)
			return apps[i].name;
	return NULL;
}

const char *dia_dict_type_name(enum dia_type t)
{
	return (unsigned int)t < DIA_T__COUNT ? type_names[t] : NULL;
}

int dia_dict_type_by_name(const char *name)
{
	for (int i = 0; i < DIA_T__COUNT; i++)
		if (!strcmp(type_names[i], name))
			return i;
	return -1;
}

const char *dia_dict_enum_name(const struct dia_avp_def *d, int64_t value)
{
	for (uint16_t i = 0; d && i < d->n_enums; i++)
		if (d->enums[i].value == value)
			return d->enums[i].name;
	return NULL;
}

int dia_dict_enum_value(const struct dia_avp_def *d, const char *name, int64_t *value)
{
	for (uint16_t i = 0; d && i < d->n_enums; i++)
		if (!strcmp(d->enums[i].name, name)) {
			*value = d->enums[i].value;
			return 0;
		}
	return -1;
}

/* RFC 6733 7.1: the thousands digit gives the class */
const char *dia_result_class(uint32_t rc)
{
	switch (rc / 1000) {
	case 1:
		return "Informational";
	case 2:
		return "Success";
	case 3:
		return "Protocol Error";
	case 4:
		return "Transient Failure";
	case 5:
		return "Permanent Failure";
	}
	return "Unrecognized";
}
