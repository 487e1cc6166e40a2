// SPDX-License-Identifier: GPL-2.0
/*
 * Subscriber store: CRUD, paging, CSV import (all or nothing), SQN
 * management and re-synchronisation against the crypto module.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "test_agwd_sub.h"

/* TS 35.208 4.3 Test Set 1 */
#define T1_K    "465b5ce8b199b49faa5f0a2ee238a6bc"
#define T1_OP   "cdc202d5123e20f62b6d676ac72cb318"
#define T1_OPC  "cd63cb71954a9f4e48a5994e37a02baf"
#define T1_RAND "23553cbe9637a89d218ae64dae47bf35"
#define T1_SQN  0xff9bb4d0b607ULL
#define T1_AMF  "b9b9"
#define T1_MACA "4a9ffac354dfafb3"
#define T1_RES  "a54211d5e3ba50bf"
#define T1_AK   "aa689c648370"

static char *dir;
static struct sub_store *store;

static void open_store(void)
{
	store = sub_store_tmp(&dir);
}

static void close_store(void)
{
	sub_store_tmp_close(store, dir);
	store = NULL;
	dir = NULL;
}

static void make(struct sub_record *r, const char *imsi)
{
	sub_record_init(r);
	strcpy(r->imsi, imsi);
	unit_hex(T1_K, r->k, 16);
	unit_hex(T1_OPC, r->opc, 16);
	strcpy(r->msisdn, "15550001");
	r->n_apns = 1;
	strcpy(r->apns[0].name, "internet");
	r->apns[0].has_ipv4 = true;
	inet_pton(AF_INET, "10.45.0.9", &r->apns[0].ipv4);
}

static void test_sub_crud(void)
{
	struct sub_record r, g;

	open_store();
	make(&r, "001010000000001");
	CU_ASSERT_EQUAL(sub_add(store, &r), 0);
	CU_ASSERT_EQUAL(sub_add(store, &r), -EEXIST);
	CU_ASSERT_STRING_EQUAL(sub_store_error(store), "subscriber 001010000000001 already exists");
	CU_ASSERT_EQUAL_FATAL(sub_get(store, "001010000000001", &g), 0);
	CU_ASSERT_EQUAL(memcmp(g.k, r.k, 16), 0);
	CU_ASSERT_EQUAL(memcmp(g.opc, r.opc, 16), 0);
	CU_ASSERT_EQUAL(g.amf[0], 0x80);
	CU_ASSERT_EQUAL(g.amf[1], 0x00);
	CU_ASSERT_STRING_EQUAL(g.msisdn, "15550001");
	CU_ASSERT_EQUAL(g.n_apns, 1);
	CU_ASSERT_STRING_EQUAL(g.apns[0].name, "internet");
	CU_ASSERT_TRUE(g.apns[0].has_ipv4);
	CU_ASSERT_EQUAL(g.apns[0].ipv4.s_addr, r.apns[0].ipv4.s_addr);

	r.state = SUB_SUSPENDED;
	r.n_apns = 2;
	strcpy(r.apns[1].name, "ims");
	r.apns[1].qci = 5;
	CU_ASSERT_EQUAL(sub_update(store, &r), 0);
	CU_ASSERT_EQUAL(sub_get(store, "001010000000001", &g), 0);
	CU_ASSERT_EQUAL(g.state, SUB_SUSPENDED);
	CU_ASSERT_EQUAL(g.n_apns, 2);
	CU_ASSERT_EQUAL(g.apns[1].qci, 5);

	CU_ASSERT_EQUAL(sub_delete(store, "001010000000001"), 0);
	CU_ASSERT_EQUAL(sub_delete(store, "001010000000001"), -ENOENT);
	CU_ASSERT_EQUAL(sub_get(store, "001010000000001", &g), -ENOENT);
	make(&r, "001010000000002");
	CU_ASSERT_EQUAL(sub_update(store, &r), -ENOENT);
	close_store();
}

static void test_sub_validation(void)
{
	struct sub_record r, r2;

	open_store();
	make(&r, "12345");
	CU_ASSERT_EQUAL(sub_add(store, &r), -EINVAL);
	CU_ASSERT_STRING_EQUAL(sub_store_error(store), "imsi \"12345\" is not 6 to 15 digits");
	make(&r, "00101000000000a");
	CU_ASSERT_EQUAL(sub_add(store, &r), -EINVAL);
	make(&r, "001010000000001");
	strcpy(r.msisdn, "+1555");
	CU_ASSERT_EQUAL(sub_add(store, &r), -EINVAL);
	make(&r, "001010000000001");
	r.n_apns = 2;
	r.apns[1] = r.apns[0];
	CU_ASSERT_EQUAL(sub_add(store, &r), -EINVAL);
	CU_ASSERT_STRING_EQUAL(sub_store_error(store), "apns[1]: \"internet\" is listed twice");
	/* two subscribers cannot have the same static address on an APN */
	make(&r, "001010000000001");
	CU_ASSERT_EQUAL(sub_add(store, &r), 0);
	make(&r2, "001010000000002");
	CU_ASSERT_EQUAL(sub_add(store, &r2), -EADDRINUSE);
	CU_ASSERT_STRING_EQUAL(sub_store_error(store), "10.45.0.9 on APN internet is already the "
			       "static address of 001010000000001");
	close_store();
}

static int count_cb(void *arg, const struct sub_record *r)
{
	unsigned int *n = arg;

	(*n)++;
	return 0;
}

static void test_sub_list_pages(void)
{
	struct sub_record r;
	unsigned int n, seen = 0;
	uint64_t total;
	char imsi[16];

	open_store();
	for (int i = 0; i < 25; i++) {
		snprintf(imsi, sizeof(imsi), "0010100000%05d", i);
		make(&r, imsi);
		r.n_apns = 0;
		CU_ASSERT_EQUAL(sub_add(store, &r), 0);
	}
	CU_ASSERT_EQUAL(sub_count(store, &total), 0);
	CU_ASSERT_EQUAL(total, 25);
	CU_ASSERT_EQUAL(sub_list(store, "", 10, count_cb, &seen, &n), 0);
	CU_ASSERT_EQUAL(n, 10);
	CU_ASSERT_EQUAL(sub_list(store, "001010000000019", 10, count_cb, &seen, &n), 0);
	CU_ASSERT_EQUAL(n, 5);
	CU_ASSERT_EQUAL(seen, 15);
	close_store();
}

static const char csv_good[] =
	"# comment\r\n"
	"imsi,k,op,amf,sqn,msisdn,apns\r\n"
	"001010000000001," T1_K "," T1_OP ",8000,32,15550001,internet ip=10.45.0.9;ims qci=5\r\n"
	"\n"
	"001010000000002," T1_K "," T1_OP ",,,,\n";

static void test_sub_csv_good(void)
{
	struct sub_record g;
	unsigned int n;
	uint8_t opc[16];

	open_store();
	CU_ASSERT_EQUAL_FATAL(sub_import_csv(store, csv_good, strlen(csv_good), false, &n), 0);
	CU_ASSERT_EQUAL(n, 2);
	CU_ASSERT_EQUAL_FATAL(sub_get(store, "001010000000001", &g), 0);
	/* OP was given: the store keeps OPc (TS 35.208 test set 1 OPc) */
	unit_hex(T1_OPC, opc, 16);
	CU_ASSERT_EQUAL(memcmp(g.opc, opc, 16), 0);
	CU_ASSERT_EQUAL(g.sqn, 32);
	CU_ASSERT_EQUAL(g.n_apns, 2);
	CU_ASSERT_STRING_EQUAL(g.apns[1].name, "ims");
	CU_ASSERT_EQUAL(g.apns[1].qci, 5);
	CU_ASSERT_EQUAL_FATAL(sub_get(store, "001010000000002", &g), 0);
	CU_ASSERT_EQUAL(g.n_apns, 0);
	CU_ASSERT_EQUAL(g.amf[0], 0x80);
	/* importing again: duplicates refused, unless replace */
	CU_ASSERT_EQUAL(sub_import_csv(store, csv_good, strlen(csv_good), false, &n), -EEXIST);
	CU_ASSERT_STRING_EQUAL(sub_store_error(store),
			       "line 3: subscriber 001010000000001 already exists");
	CU_ASSERT_EQUAL(sub_import_csv(store, csv_good, strlen(csv_good), true, &n), 0);
	CU_ASSERT_EQUAL(n, 2);
	close_store();
}

static void test_sub_csv_bad(void)
{
	static const struct { const char *csv, *msg; } cases[] = {
		{ "imsi,k,opc\n", "line 1: header must be" },
		{ "imsi,k,opc,amf,sqn,msisdn,apns\n001010000000009," T1_K "," T1_OPC ",,,,\n"
		  "001010000000010,zz," T1_OPC ",,,,\n",
		  "line 3: k: \"zz\" is not 32 hex digits" },
		{ "imsi,k,opc,amf,sqn,msisdn,apns\n001010000000009," T1_K "," T1_OPC ",,,\n",
		  "line 2: 6 fields, expected 7" },
		{ "imsi,k,opc,amf,sqn,msisdn,apns\n001010000000009," T1_K "," T1_OPC ",80,,,\n",
		  "line 2: amf: \"80\" is not 4 hex digits" },
		{ "imsi,k,opc,amf,sqn,msisdn,apns\n001010000000009," T1_K "," T1_OPC
		  ",,281474976710656,,\n", "line 2: sqn: \"281474976710656\" is not a 48-bit" },
		{ "imsi,k,opc,amf,sqn,msisdn,apns\n001010000000009," T1_K "," T1_OPC
		  ",,,,internet ip=10.45.0.300\n", "line 2: apns: \"ip=10.45.0.300\" is not" },
		{ "imsi,k,opc,amf,sqn,msisdn,apns\n1234," T1_K "," T1_OPC ",,,,\n",
		  "line 2: imsi \"1234\" is not 6 to 15 digits" },
		{ "", "line 0: no header line" },
	};

	open_store();
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		unsigned int n = 99;
		uint64_t total = 1;

		CU_ASSERT_NOT_EQUAL(sub_import_csv(store, cases[i].csv, strlen(cases[i].csv), false,
						   &n), 0);
		CU_ASSERT_EQUAL(n, 0);
		if (strncmp(sub_store_error(store), cases[i].msg, strlen(cases[i].msg))) {
			fprintf(stderr, "\ncase %zu: got \"%s\"\n", i, sub_store_error(store));
			CU_FAIL("wrong CSV error");
		}
		/* all or nothing: the good rows before the bad one are not there */
		CU_ASSERT_EQUAL(sub_count(store, &total), 0);
		CU_ASSERT_EQUAL(total, 0);
	}
	close_store();
}

/* The vector for TS 35.208 test set 1: SQN_HE one step before T1_SQN. */
static void test_sub_vector_35208(void)
{
	static const uint8_t plmn[3] = { 0x00, 0xf1, 0x10 };
	struct eps_aka_vector v;
	struct sub_record r, g;
	uint8_t rand[16], mac[8], res[8], ak[6], autn_sqn[6];

	open_store();
	make(&r, "001010000000001");
	unit_hex(T1_AMF, r.amf, 2);
	/* eps_sqn_next(): SEQ + 1 and IND + 1 (TS 33.102 C.3.2, IND 5 bits) */
	r.sqn = eps_sqn_make(eps_sqn_seq(T1_SQN, 5) - 1, eps_sqn_ind(T1_SQN, 5) - 1, 5);
	CU_ASSERT_EQUAL_FATAL(sub_add(store, &r), 0);
	unit_hex(T1_RAND, rand, 16);
	CU_ASSERT_EQUAL_FATAL(sub_next_vector(store, r.imsi, plmn, rand, &v), 0);
	unit_hex(T1_MACA, mac, 8);
	unit_hex(T1_RES, res, 8);
	unit_hex(T1_AK, ak, 6);
	CU_ASSERT_EQUAL(memcmp(v.mac_a, mac, 8), 0);
	CU_ASSERT_EQUAL(memcmp(v.xres, res, 8), 0);
	eps_sqn_to_bytes(T1_SQN, autn_sqn);
	for (int i = 0; i < 6; i++)
		autn_sqn[i] ^= ak[i];
	CU_ASSERT_EQUAL(memcmp(v.autn, autn_sqn, 6), 0);
	CU_ASSERT_EQUAL(memcmp(v.autn + 6, r.amf, 2), 0);
	CU_ASSERT_EQUAL(memcmp(v.autn + 8, mac, 8), 0);
	/* written back before the vector was returned */
	CU_ASSERT_EQUAL(sub_get(store, r.imsi, &g), 0);
	CU_ASSERT_EQUAL(g.sqn, T1_SQN);
	/* next: SEQ + 1, IND + 1 */
	CU_ASSERT_EQUAL(sub_next_vector(store, r.imsi, plmn, rand, &v), 0);
	CU_ASSERT_EQUAL(sub_get(store, r.imsi, &g), 0);
	CU_ASSERT_EQUAL(eps_sqn_seq(g.sqn, 5), eps_sqn_seq(T1_SQN, 5) + 1);
	CU_ASSERT_EQUAL(eps_sqn_ind(g.sqn, 5), (eps_sqn_ind(T1_SQN, 5) + 1) % 32);
	/* IND wraps modulo 32 */
	CU_ASSERT_EQUAL(sub_set_sqn(store, r.imsi, eps_sqn_make(10, 31, 5)), 0);
	CU_ASSERT_EQUAL(sub_next_vector(store, r.imsi, plmn, rand, &v), 0);
	CU_ASSERT_EQUAL(sub_get(store, r.imsi, &g), 0);
	CU_ASSERT_EQUAL(g.sqn, eps_sqn_make(11, 0, 5));
	/* suspended subscribers get no vector and keep their SQN */
	g.state = SUB_SUSPENDED;
	CU_ASSERT_EQUAL(sub_update(store, &g), 0);
	CU_ASSERT_EQUAL(sub_next_vector(store, r.imsi, plmn, rand, &v), -EPERM);
	CU_ASSERT_EQUAL(sub_get(store, r.imsi, &g), 0);
	CU_ASSERT_EQUAL(g.sqn, eps_sqn_make(11, 0, 5));
	CU_ASSERT_EQUAL(sub_next_vector(store, "001019999999999", plmn, rand, &v), -ENOENT);
	close_store();
}

/* USIM ahead of the HSS: sync failure, AUTS, resync, then a fresh vector. */
static void test_sub_resync(void)
{
	static const uint8_t plmn[3] = { 0x00, 0xf1, 0x10 };
	struct eps_aka_ue_result ue;
	struct eps_sqn_ms ms;
	struct eps_aka_vector v;
	struct sub_record r, g;
	uint8_t rand[16], bad_auts[14], auts[14];

	open_store();
	make(&r, "001010000000001");
	CU_ASSERT_EQUAL_FATAL(sub_add(store, &r), 0);
	unit_hex(T1_RAND, rand, 16);
	/* the USIM is at SEQ 1000 (highest accepted: SEQ 1000, IND 3) */
	CU_ASSERT_EQUAL_FATAL(eps_sqn_ms_init(&ms, 5, 0, 0, eps_sqn_make(1000, 3, 5)), 0);
	CU_ASSERT_EQUAL_FATAL(sub_next_vector(store, r.imsi, plmn, rand, &v), 0);
	CU_ASSERT_EQUAL(eps_aka_ue_check(r.k, r.opc, v.rand, v.autn, plmn, &ms, &ue),
			EPS_AKA_SYNC_FAILURE);
	/* a corrupted AUTS is refused and changes nothing */
	memcpy(auts, ue.auts, 14);
	memcpy(bad_auts, ue.auts, 14);
	bad_auts[13] ^= 1;
	CU_ASSERT_EQUAL(sub_resync(store, r.imsi, v.rand, bad_auts), -EBADMSG);
	CU_ASSERT_EQUAL(sub_get(store, r.imsi, &g), 0);
	CU_ASSERT_EQUAL(g.sqn, eps_sqn_make(1, 1, 5));
	/* TS 33.102 6.3.5: SQN_HE := SQN_MS */
	CU_ASSERT_EQUAL(sub_resync(store, r.imsi, v.rand, ue.auts), 0);
	CU_ASSERT_EQUAL(sub_get(store, r.imsi, &g), 0);
	CU_ASSERT_EQUAL(g.sqn, eps_sqn_make(1000, 3, 5));
	CU_ASSERT_EQUAL(sub_next_vector(store, r.imsi, plmn, rand, &v), 0);
	CU_ASSERT_EQUAL(eps_aka_ue_check(r.k, r.opc, v.rand, v.autn, plmn, &ms, &ue), EPS_AKA_OK);
	CU_ASSERT_EQUAL(memcmp(ue.res, v.xres, 8), 0);
	CU_ASSERT_EQUAL(memcmp(ue.kasme, v.kasme, 32), 0);
	/* a replayed old AUTS does not move SQN_HE backwards */
	CU_ASSERT_EQUAL(sub_set_sqn(store, r.imsi, eps_sqn_make(5000, 0, 5)), 0);
	CU_ASSERT_EQUAL(sub_resync(store, r.imsi, rand, auts), 0);
	CU_ASSERT_EQUAL(sub_get(store, r.imsi, &g), 0);
	CU_ASSERT_EQUAL(g.sqn, eps_sqn_make(5000, 0, 5));
	close_store();
}

static void test_sub_persist_and_schema(void)
{
	char path[256], err[256];
	struct sub_record r, g;

	open_store();
	make(&r, "001010000000001");
	CU_ASSERT_EQUAL(sub_add(store, &r), 0);
	sub_store_close(store);
	snprintf(path, sizeof(path), "%s/subscribers.db", dir);
	CU_ASSERT_EQUAL_FATAL(sub_store_open(path, &store, err, sizeof(err)), 0);
	CU_ASSERT_EQUAL(sub_get(store, "001010000000001", &g), 0);
	CU_ASSERT_EQUAL(g.n_apns, 1);
	close_store();
}

UNIT_SUITE(agwd_subscriber,
	   UNIT_TEST(test_sub_crud),
	   UNIT_TEST(test_sub_validation),
	   UNIT_TEST(test_sub_list_pages),
	   UNIT_TEST(test_sub_csv_good),
	   UNIT_TEST(test_sub_csv_bad),
	   UNIT_TEST(test_sub_vector_35208),
	   UNIT_TEST(test_sub_resync),
	   UNIT_TEST(test_sub_persist_and_schema))
